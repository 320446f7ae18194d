namespace KapClinic.Core.Patients;

/// <summary>How loudly the chart shows an alert: Danger stops the clinician; Warning asks for attention.</summary>
public enum AlertLevel
{
    Warning,
    Danger,
}
