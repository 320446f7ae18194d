using KapClinic.Core.Common;
using KapClinic.Core.Notes;
using KapClinic.Core.Screening;

namespace KapClinic.Core.Preparation;

/// <summary>
/// A preparation session within a treatment course: education, intentions, screening review, support plan and the
/// readiness decision, with a DAP narrative. A <see cref="ClinicalNote"/>: draft, then signed and locked.
/// </summary>
public sealed class PreparationSession : ClinicalNote
{
    public const int SupportPersonMaxLength = 200;
    public const int MaxDurationMinutes = 480;

    private PreparationSession()
    {
        EducationTopics = [];
    }

    public PreparationSession(Guid patientId, Guid courseId, Guid authorId, PreparationContent content, DateTimeOffset createdAt)
        : base(NoteKind.PreparationSession, patientId, courseId, authorId, content.OccurredAt, createdAt)
    {
        EducationTopics = [];
        Apply(content);
    }

    public int DurationMinutes { get; private set; }

    public SessionModality Modality { get; private set; }

    public string? Intentions { get; private set; }

    public List<EducationTopic> EducationTopics { get; private set; }

    /// <summary>The screening version the clinician reviewed in this session; null when not reviewed.</summary>
    public Guid? ReviewedScreeningId { get; private set; }

    /// <summary>That version's result as it was shown.</summary>
    public ScreeningResult? ReviewedScreeningResult { get; private set; }

    public string? MentalStatus { get; private set; }

    public string? SupportPerson { get; private set; }

    public bool RideHomeArranged { get; private set; }

    public ReadinessDecision? Decision { get; private set; }

    public string? DecisionRationale { get; private set; }

    /// <summary>DAP: what was observed and said.</summary>
    public string? Data { get; private set; }

    /// <summary>DAP: the clinician's assessment.</summary>
    public string? Assessment { get; private set; }

    /// <summary>DAP: what happens next.</summary>
    public string? Plan { get; private set; }

    /// <summary>Replaces the draft's content. A signed note refuses.</summary>
    public void Update(PreparationContent content, DateTimeOffset at)
    {
        EnsureDraft();
        Validate(content);
        Touch(content.OccurredAt, at);
        Apply(content);
    }

    protected override void WriteContent(NoteContent content) => content
        .Add("prep.durationMinutes", DurationMinutes)
        .Add("prep.modality", Modality.ToString())
        .Add("prep.intentions", Intentions)
        .AddList("prep.educationTopics", EducationTopics.Select(t => t.ToString()))
        .Add("prep.reviewedScreeningId", ReviewedScreeningId)
        .Add("prep.reviewedScreeningResult", ReviewedScreeningResult?.ToString())
        .Add("prep.mentalStatus", MentalStatus)
        .Add("prep.supportPerson", SupportPerson)
        .Add("prep.rideHomeArranged", RideHomeArranged)
        .Add("prep.decision", Decision?.ToString())
        .Add("prep.decisionRationale", DecisionRationale)
        .Add("prep.data", Data)
        .Add("prep.assessment", Assessment)
        .Add("prep.plan", Plan);

    protected override void EnsureCompleteForSigning()
    {
        Require(Intentions, "Intentions", "Record the patient's intentions before signing.");
        Require(MentalStatus, "MentalStatus", "Record a brief mental status before signing.");
        if (Decision is null)
        {
            throw new RuleViolationException("Decision", "Choose a readiness decision before signing.");
        }

        Require(DecisionRationale, "DecisionRationale", "Give the rationale for the readiness decision.");
        if (Decision == ReadinessDecision.Ready && ReviewedScreeningId is null)
        {
            throw new RuleViolationException("ScreeningReviewed", "A Ready decision needs the latest screening reviewed in this session.");
        }

        Require(Data, "Data", "Write the Data part of the note before signing.");
        Require(Assessment, "Assessment", "Write the Assessment part of the note before signing.");
        Require(Plan, "Plan", "Write the Plan part of the note before signing.");
    }

    private static void Require(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RuleViolationException(field, message);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Validate(PreparationContent content)
    {
        if (content.DurationMinutes is < 1 or > MaxDurationMinutes)
        {
            throw new RuleViolationException("DurationMinutes", $"The duration must be 1-{MaxDurationMinutes} minutes.");
        }

        if (content.Decision is not null && string.IsNullOrWhiteSpace(content.DecisionRationale))
        {
            throw new RuleViolationException("DecisionRationale", "Give the rationale for the readiness decision.");
        }

        if (Clean(content.SupportPerson)?.Length > SupportPersonMaxLength)
        {
            throw new RuleViolationException("SupportPerson", $"The support person can be at most {SupportPersonMaxLength} characters.");
        }

        foreach (var (field, label, value) in new[]
        {
            ("Intentions", "Intentions", content.Intentions),
            ("MentalStatus", "Mental status", content.MentalStatus),
            ("DecisionRationale", "The rationale", content.DecisionRationale),
            ("Data", "Data", content.Data),
            ("Assessment", "Assessment", content.Assessment),
            ("Plan", "Plan", content.Plan),
        })
        {
            if (Clean(value) is { Length: > NoteLimits.TextMaxLength } text)
            {
                throw new RuleViolationException(field, NoteLimits.TooLong(label, text.Length));
            }
        }
    }

    private void Apply(PreparationContent content)
    {
        Validate(content);
        DurationMinutes = content.DurationMinutes;
        Modality = content.Modality;
        Intentions = Clean(content.Intentions);
        EducationTopics = [.. content.EducationTopics.Distinct().Order()];
        ReviewedScreeningId = content.ReviewedScreeningId;
        ReviewedScreeningResult = content.ReviewedScreeningId is null ? null : content.ReviewedScreeningResult;
        MentalStatus = Clean(content.MentalStatus);
        SupportPerson = Clean(content.SupportPerson);
        RideHomeArranged = content.RideHomeArranged;
        Decision = content.Decision;
        DecisionRationale = Clean(content.DecisionRationale);
        Data = Clean(content.Data);
        Assessment = Clean(content.Assessment);
        Plan = Clean(content.Plan);
    }
}
