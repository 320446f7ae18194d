namespace KapClinic.Core.Dosing;

/// <summary>Dissociation at a reading, when not scored with CADSS-6.</summary>
public enum Dissociation
{
    Absent,
    Present,
}
