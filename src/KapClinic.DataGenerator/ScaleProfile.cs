namespace KapClinic.DataGenerator;

/// <summary>
/// How much data to generate. The counts are targets: the generator follows each course's protocol, so the totals land
/// within a few percent (appointments also include cancellations, no-shows and future bookings).
/// </summary>
public sealed record ScaleProfile(
    string Name,
    int Patients,
    int DosingSessions,
    int VitalsReadings,
    int Notes,
    int AuditEvents,
    int Clinicians,
    int StaffUsers)
{
    /// <summary>About 10,000 appointments, 4,000 dosing sessions, 50,000 vitals, 6,000 notes, 20,000 audit events.</summary>
    public static ScaleProfile Small { get; } = new("small", 1_000, 4_000, 50_000, 6_000, 20_000, GeneratedUsers.ClinicianCount, GeneratedUsers.StaffCount);

    /// <summary>About 1,000,000 appointments, 400,000 dosing sessions, 5,000,000 vitals, 600,000 notes, 2,000,000 audit events.</summary>
    public static ScaleProfile Large { get; } = new("large", 100_000, 400_000, 5_000_000, 600_000, 2_000_000, GeneratedUsers.ClinicianCount, GeneratedUsers.StaffCount);

    /// <summary>A small profile for tests: few clinicians (each is made through the real user service, which hashes a password).</summary>
    public static ScaleProfile Tiny(string name = "tiny", int patients = 60, int clinicians = 3) =>
        new(name, patients, patients * 4, patients * 50, patients * 6, patients * 20, clinicians, 1);

    /// <summary><see cref="Small"/> or <see cref="Large"/> by name, or null.</summary>
    public static ScaleProfile? Named(string name) =>
        name.ToLowerInvariant() switch { "small" => Small, "large" => Large, _ => null };

    /// <summary>Planned and cancelled appointments come on top of one per session.</summary>
    public int ExpectedAppointments => DosingSessions + Notes;
}
