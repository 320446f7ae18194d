using KapClinic.Core.Auditing;

namespace KapClinic.Core.Settings;

/// <summary>
/// The clinic-wide settings an Admin changes: one row. Times are stored in UTC and shown in
/// <see cref="TimeZoneId"/> (an IANA id such as "America/New_York").
/// </summary>
public sealed class ClinicSettings : IAuditable
{
    public const int SingletonId = 1;
    public const int ClinicNameMaxLength = 100;
    public const string DefaultTimeZoneId = "America/New_York";

    private ClinicSettings()
    {
        ClinicName = string.Empty;
        TimeZoneId = DefaultTimeZoneId;
    }

    public ClinicSettings(string clinicName, string timeZoneId)
        : this()
    {
        Id = SingletonId;
        Update(clinicName, timeZoneId);
    }

    public int Id { get; private set; }

    public string ClinicName { get; private set; }

    public string TimeZoneId { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public string AuditEntityType => "ClinicSettings";

    public Guid AuditEntityId => Guid.Empty;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public void Update(string clinicName, string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clinicName);
        if (!IsKnownTimeZone(timeZoneId))
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
        }

        ClinicName = clinicName.Trim();
        TimeZoneId = timeZoneId;
    }

    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
