namespace KapClinic.Soak;

/// <summary>
/// The data a run works on, whoever made it (<see cref="FixtureData"/> today; the scale data generator once merged):
/// the users with their one password and authenticator secret, and ids of the records the actions touch.
/// </summary>
public sealed record LoadWorld(
    string Password,
    string MfaSecret,
    string TimeZoneId,
    IReadOnlyList<LoadUser> Users,
    IReadOnlyList<Guid> Patients,
    IReadOnlyList<Guid> BookablePatients,
    IReadOnlyList<CourseRef> Courses,
    IReadOnlyList<OpenSession> OpenSessions,
    IReadOnlyList<Guid> CliniciansWithHours,
    IReadOnlyList<string> SearchTerms)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
