namespace KapClinic.Core.Dosing;

/// <summary>A user to choose in a list (prescriber on site, given by): id and name with credentials.</summary>
public sealed record StaffOption(Guid Id, string Name);
