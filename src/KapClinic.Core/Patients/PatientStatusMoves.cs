namespace KapClinic.Core.Patients;

/// <summary>
/// The patient status state machine, in one place: Referred -> Screening -> Eligible or Ineligible;
/// Eligible -> Active -> Maintenance -> Discharged. Active may also go straight to Discharged (a course that
/// ends without maintenance), and a discharged patient can be re-admitted to Screening.
/// </summary>
public static class PatientStatusMoves
{
    private static readonly Dictionary<PatientStatus, PatientStatus[]> Allowed = new()
    {
        [PatientStatus.Referred] = [PatientStatus.Screening],
        [PatientStatus.Screening] = [PatientStatus.Eligible, PatientStatus.Ineligible],
        [PatientStatus.Eligible] = [PatientStatus.Active],
        [PatientStatus.Ineligible] = [],
        [PatientStatus.Active] = [PatientStatus.Maintenance, PatientStatus.Discharged],
        [PatientStatus.Maintenance] = [PatientStatus.Discharged],
        [PatientStatus.Discharged] = [PatientStatus.Screening],
    };

    public static IReadOnlyList<PatientStatus> From(PatientStatus status) => Allowed[status];

    public static bool IsAllowed(PatientStatus from, PatientStatus to) => Allowed[from].Contains(to);
}
