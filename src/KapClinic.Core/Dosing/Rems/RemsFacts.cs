namespace KapClinic.Core.Dosing.Rems;

/// <summary>What the REMS form needs besides the session's own record: who, where, the clinic's rules and any submission.</summary>
public sealed record RemsFacts(
    string PatientName,
    DateOnly DateOfBirth,
    string Mrn,
    bool IsFirstTreatment,
    string MonitoringClinicianName,
    string ClinicName,
    TimeZoneInfo TimeZone,
    DosingThresholds Thresholds,
    RemsSubmissionInfo? Submission);
