using KapClinic.Core.Patients;

namespace KapClinic.Core.Tests.Patients;

public sealed class PatientStatusMovesTests
{
    // Every move the program allows (CLINICAL.md / issue 3); every other pair of statuses is refused.
    private static readonly HashSet<(PatientStatus From, PatientStatus To)> Allowed =
    [
        (PatientStatus.Referred, PatientStatus.Screening),
        (PatientStatus.Screening, PatientStatus.Eligible),
        (PatientStatus.Screening, PatientStatus.Ineligible),
        (PatientStatus.Eligible, PatientStatus.Active),
        (PatientStatus.Active, PatientStatus.Maintenance),
        (PatientStatus.Active, PatientStatus.Discharged),
        (PatientStatus.Maintenance, PatientStatus.Discharged),
        (PatientStatus.Discharged, PatientStatus.Screening),
    ];

    public static TheoryData<PatientStatus, PatientStatus> AllowedMoves()
    {
        var data = new TheoryData<PatientStatus, PatientStatus>();
        foreach (var (from, to) in Allowed)
        {
            data.Add(from, to);
        }

        return data;
    }

    public static TheoryData<PatientStatus, PatientStatus> RefusedMoves()
    {
        var data = new TheoryData<PatientStatus, PatientStatus>();
        foreach (var from in Enum.GetValues<PatientStatus>())
        {
            foreach (var to in Enum.GetValues<PatientStatus>().Where(to => !Allowed.Contains((from, to))))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_move_is_allowed_and_changes_the_status(PatientStatus from, PatientStatus to)
    {
        Assert.True(PatientStatusMoves.IsAllowed(from, to));
        Assert.Contains(to, PatientStatusMoves.From(from));
        var patient = PatientAt(from);

        patient.MoveTo(to);

        Assert.Equal(to, patient.Status);
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Any_other_move_is_refused_and_leaves_the_status(PatientStatus from, PatientStatus to)
    {
        Assert.False(PatientStatusMoves.IsAllowed(from, to));
        Assert.DoesNotContain(to, PatientStatusMoves.From(from));
        var patient = PatientAt(from);

        Assert.Throws<InvalidOperationException>(() => patient.MoveTo(to));
        Assert.Equal(from, patient.Status);
    }

    [Fact]
    public void Every_status_has_an_entry_and_staying_put_is_not_a_move()
    {
        foreach (var status in Enum.GetValues<PatientStatus>())
        {
            Assert.False(PatientStatusMoves.IsAllowed(status, status));
            Assert.Equal(Allowed.Count(m => m.From == status), PatientStatusMoves.From(status).Count);
        }
    }

    [Fact]
    public void A_new_patient_starts_as_referred() => Assert.Equal(PatientStatus.Referred, PatientAt(PatientStatus.Referred).Status);

    private static Patient PatientAt(PatientStatus status)
    {
        var patient = new Patient(
            new PatientDetails("Ada", "Lovelace", null, new DateOnly(1980, 1, 1), SexAtBirth.Female, null, null, null, null,
                PostalAddress.Empty, EmergencyContact.Empty, null, null, null),
            new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        // Walk the shortest allowed path from Referred.
        PatientStatus[] path = status switch
        {
            PatientStatus.Referred => [],
            PatientStatus.Screening => [PatientStatus.Screening],
            PatientStatus.Eligible => [PatientStatus.Screening, PatientStatus.Eligible],
            PatientStatus.Ineligible => [PatientStatus.Screening, PatientStatus.Ineligible],
            PatientStatus.Active => [PatientStatus.Screening, PatientStatus.Eligible, PatientStatus.Active],
            PatientStatus.Maintenance => [PatientStatus.Screening, PatientStatus.Eligible, PatientStatus.Active, PatientStatus.Maintenance],
            _ => [PatientStatus.Screening, PatientStatus.Eligible, PatientStatus.Active, PatientStatus.Discharged],
        };
        foreach (var step in path)
        {
            patient.MoveTo(step);
        }

        Assert.Equal(status, patient.Status);
        return patient;
    }
}
