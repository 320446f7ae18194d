namespace KapClinic.Core.Patients;

/// <summary>One alert in the chart header, in plain words (no icon carries the meaning).</summary>
public sealed record PatientAlert(AlertLevel Level, string Text);
