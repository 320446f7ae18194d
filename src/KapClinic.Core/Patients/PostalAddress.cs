namespace KapClinic.Core.Patients;

/// <summary>A mailing address, stored in the patient's row (an EF complex type).</summary>
public sealed record PostalAddress(string? Line1, string? Line2, string? City, string? Region, string? PostalCode)
{
    public static PostalAddress Empty { get; } = new(null, null, null, null, null);
}
