namespace KapClinic.Core.Dosing;

/// <summary>A monitoring value beyond its alert limit, and what to do about it.</summary>
public sealed record ReadingAlert(string Finding, string RecommendedAction);
