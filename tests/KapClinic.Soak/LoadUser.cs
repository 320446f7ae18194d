namespace KapClinic.Soak;

/// <summary>A signed-in person of the load: a Clinician (the whole mix) or front-desk Staff (search, book, export).</summary>
public sealed record LoadUser(Guid Id, string Email, bool IsStaff);
