using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.Core.Tests.Notes;

namespace KapClinic.Core.Tests.Integration;

/// <summary>Integration notes built through the domain, for the rules' tests.</summary>
internal static class TestIntegrationNotes
{
    public static readonly Guid PatientId = Guid.NewGuid();
    public static readonly Guid CourseId = Guid.NewGuid();

    public static IntegrationContent Content(params HomeworkContent[] homework) => new(
        TestNotes.Now.AddHours(-2),
        50,
        SessionModality.InPerson,
        FollowsDosingSessionId: null,
        NoteFormat.Dap,
        Subjective: null,
        Objective: null,
        Data: "Described the dose as spacious.",
        Assessment: "Integrating well.",
        Plan: "Continue homework.",
        ["Grief", "Meaning"],
        "The critical voice is trying to protect me.",
        [IntegrationApproach.PartsWork, IntegrationApproach.Mindfulness],
        OtherApproach: null,
        "Back to work three days a week.",
        RiskCheckMethod.ClinicianJudgement,
        RiskLevel.Low,
        "Denies suicidal ideation.",
        RiskMeasureId: null,
        homework);

    public static HomeworkContent New(string text, HomeworkStatus status = HomeworkStatus.Open) => new(null, text, status);

    public static IntegrationNote Draft(IntegrationContent? content = null, IntegrationNote? latestSigned = null) =>
        new(PatientId, CourseId, TestNotes.Author.Id, content ?? Content(), latestSigned, TestNotes.Now.AddHours(-1));

    /// <summary>A signed note with the given homework (open unless said otherwise).</summary>
    public static IntegrationNote Signed(params HomeworkContent[] homework)
    {
        var note = Draft(Content(homework));
        note.Sign(TestNotes.Author, TestNotes.Now);
        return note;
    }

    /// <summary>The content with each carried item (by its source) given a status.</summary>
    public static IntegrationContent Marking(IntegrationNote draft, IReadOnlyDictionary<string, HomeworkStatus> statuses, params HomeworkContent[] added) =>
        Content([.. draft.Homework.Where(i => i.IsCarriedForward).Select(i => new HomeworkContent(i.CarriedFromItemId, i.Text, statuses.GetValueOrDefault(i.Text, i.Status))), .. added]);
}
