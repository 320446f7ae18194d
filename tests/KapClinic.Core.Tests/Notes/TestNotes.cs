using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;

namespace KapClinic.Core.Tests.Notes;

/// <summary>Preparation notes as the concrete kind of clinical note for the mechanism's rules.</summary>
internal static class TestNotes
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    public static NoteSigner Author { get; } = new(Guid.NewGuid(), "Dr A. Rivera", "PsyD", IsSupervisor: false);

    public static NoteSigner Supervisor { get; } = new(Guid.NewGuid(), "Dr S. Okafor", "MD", IsSupervisor: true);

    public static PreparationContent Content(ReadinessDecision? decision = ReadinessDecision.Ready, string data = "Patient arrived on time.") => new(
        Now.AddHours(-2),
        50,
        SessionModality.InPerson,
        "Reconnect with my family.",
        [EducationTopic.EffectsAndRisks, EducationTopic.DrivingRestriction],
        Guid.NewGuid(),
        ScreeningResult.Clear,
        "Alert, oriented, euthymic.",
        "Sam (partner)",
        RideHomeArranged: true,
        decision,
        decision is null ? null : "Understands risks; support in place.",
        data,
        "Ready for the first dose.",
        "Schedule dosing session 1.");

    public static PreparationSession Draft(PreparationContent? content = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Author.Id, content ?? Content(), Now.AddHours(-1));

    public static PreparationSession Signed()
    {
        var note = Draft();
        note.Sign(Author, Now);
        return note;
    }
}
