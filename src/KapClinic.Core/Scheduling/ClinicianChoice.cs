namespace KapClinic.Core.Scheduling;

/// <summary>A clinician in a booking form's list.</summary>
public sealed record ClinicianChoice(Guid Id, string Name, string? Credentials, bool IsPrescriber)
{
    public string Label => Credentials is null ? Name : $"{Name}, {Credentials}";
}
