namespace KapClinic.Core.Dosing;

public enum AdverseEventType
{
    Hypertension,
    NauseaVomiting,
    EmergenceReactionOrAgitation,
    RespiratoryDepression,
    SevereDissociation,
    Other,
}
