namespace KapClinic.Core.Dosing.Rems;

/// <summary>A serious adverse event of the session, as the form lists it.</summary>
public sealed record RemsSeriousEvent(string What, DateTimeOffset OnsetAt, string ActionTaken, DateTimeOffset? ResolvedAt);
