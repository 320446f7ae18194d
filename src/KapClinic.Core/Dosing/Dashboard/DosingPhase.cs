namespace KapClinic.Core.Dosing.Dashboard;

/// <summary>Where an unsigned session of today stands: before the dose, monitoring after it, discharged, or ended without a dose.</summary>
public enum DosingPhase
{
    Checklist,
    Monitoring,
    Discharged,
    DoseWithheld,
}
