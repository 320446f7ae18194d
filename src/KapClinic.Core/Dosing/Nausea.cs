namespace KapClinic.Core.Dosing;

public enum Nausea
{
    None,
    Mild,
    Moderate,
    Severe,
}
