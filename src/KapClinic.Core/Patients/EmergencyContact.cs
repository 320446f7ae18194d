namespace KapClinic.Core.Patients;

/// <summary>Who to call in an emergency, stored in the patient's row (an EF complex type).</summary>
public sealed record EmergencyContact(string? Name, string? Relationship, string? Phone)
{
    public static EmergencyContact Empty { get; } = new(null, null, null);
}
