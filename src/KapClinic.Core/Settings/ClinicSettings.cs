using KapClinic.Core.Auditing;
using KapClinic.Core.Dosing;

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
    public const int DefaultDraftOverdueHours = 72;
    public const int MaxDraftOverdueHours = 720;

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

    /// <summary>How long an informed consent stays valid (CLINICAL.md: a clinic's choice, default 12 months).</summary>
    public int ConsentValidityMonths { get; private set; } = 12;

    /// <summary>The youngest age the program admits (default 18).</summary>
    public int MinimumPatientAgeYears { get; private set; } = 18;

    /// <summary>A draft note older than this shows on its author's dashboard as overdue (default 72 hours).</summary>
    public int DraftOverdueHours { get; private set; } = DefaultDraftOverdueHours;

    /// <summary>Whether Staff must sign in with an authenticator code too (Admins and Clinicians always must). Default off.</summary>
    public bool RequireMfaForStaff { get; private set; }

    /// <summary>The dosing-session safety thresholds (CLINICAL.md defaults).</summary>
    public DosingThresholds Dosing { get; private set; } = DosingThresholds.Defaults;

    public string AuditEntityType => "ClinicSettings";

    public Guid AuditEntityId => Guid.Empty;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public void Update(string clinicName, string timeZoneId, int consentValidityMonths, int minimumPatientAgeYears)
    {
        if (consentValidityMonths is < 1 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(consentValidityMonths), consentValidityMonths, "Consent validity must be 1-60 months.");
        }

        if (minimumPatientAgeYears is < 0 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPatientAgeYears), minimumPatientAgeYears, "Minimum age must be 0-120 years.");
        }

        ConsentValidityMonths = consentValidityMonths;
        MinimumPatientAgeYears = minimumPatientAgeYears;
        Update(clinicName, timeZoneId);
    }

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

    public void SetDraftOverdueHours(int hours)
    {
        if (hours is < 1 or > MaxDraftOverdueHours)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, $"Draft notes become overdue after 1-{MaxDraftOverdueHours} hours.");
        }

        DraftOverdueHours = hours;
    }

    public void SetRequireMfaForStaff(bool required) => RequireMfaForStaff = required;

    public void SetDosingThresholds(DosingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(thresholds));
        }

        Dosing = thresholds;
    }

    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
