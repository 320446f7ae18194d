using KapClinic.Core.Common;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Integration;

/// <summary>
/// An integration session within a treatment course, usually 24-72 h after a dose: themes, insights, approaches,
/// homework and action steps, goals, a risk check and a DAP or SOAP narrative. A <see cref="ClinicalNote"/>:
/// draft, then signed and locked (its homework rows with it). A new note carries forward every open or
/// in-progress item of the course's latest signed integration note; the clinician marks each done, in progress
/// or dropped before signing.
/// </summary>
public sealed class IntegrationNote : ClinicalNote
{
    public const int MaxDurationMinutes = 480;

    private readonly List<HomeworkItem> homework = [];

    private IntegrationNote()
    {
        Themes = [];
        Approaches = [];
    }

    /// <summary>
    /// Starts a draft, carrying forward every open or in-progress item of <c>latestSigned</c>: the course's latest
    /// signed integration note (with its homework), or null for the course's first note.
    /// </summary>
    public IntegrationNote(
        Guid patientId, Guid courseId, Guid authorId, IntegrationContent content, IntegrationNote? latestSigned, DateTimeOffset createdAt)
        : base(NoteKind.IntegrationNote, patientId, courseId, authorId, content.OccurredAt, createdAt)
    {
        Themes = [];
        Approaches = [];
        if (latestSigned is not null && (!latestSigned.IsSigned || latestSigned.CourseId != courseId))
        {
            throw new ArgumentException("Homework is carried forward only from a signed integration note of the same course.", nameof(latestSigned));
        }

        IntegrationContentRules.Validate(content);
        foreach (var source in (latestSigned?.Homework ?? []).Where(i => i.IsOutstanding).OrderBy(i => i.Position))
        {
            homework.Add(new HomeworkItem(this, homework.Count, source.Id, source.Text, source.Status, createdAt));
        }

        Apply(content, createdAt);
    }

    public int DurationMinutes { get; private set; }

    public SessionModality Modality { get; private set; }

    /// <summary>The course's dosing session (with a dose) this integration follows, if any; part of the signed content.</summary>
    public Guid? FollowsDosingSessionId { get; private set; }

    public NoteFormat Format { get; private set; }

    /// <summary>SOAP only.</summary>
    public string? Subjective { get; private set; }

    /// <summary>SOAP only.</summary>
    public string? Objective { get; private set; }

    /// <summary>DAP only.</summary>
    public string? Data { get; private set; }

    public string? Assessment { get; private set; }

    public string? Plan { get; private set; }

    /// <summary>Theme names as chosen from the clinic's list (kept as text, so a later retired theme still reads).</summary>
    public List<string> Themes { get; private set; }

    public string? Insights { get; private set; }

    public List<IntegrationApproach> Approaches { get; private set; }

    /// <summary>Which other approach, when <see cref="IntegrationApproach.Other"/> is among the approaches.</summary>
    public string? OtherApproach { get; private set; }

    public string? GoalsAndProgress { get; private set; }

    public RiskCheckMethod? RiskMethod { get; private set; }

    public RiskLevel? RiskLevel { get; private set; }

    public string? RiskNote { get; private set; }

    /// <summary>The C-SSRS screener the risk check relied on (with <see cref="RiskCheckMethod.CssrsScreener"/>).</summary>
    public Guid? RiskMeasureId { get; private set; }

    public IReadOnlyList<HomeworkItem> Homework => homework;

    /// <summary>A risk check found moderate or high risk: the note shows a danger alert.</summary>
    public bool HasRiskAlert => RiskLevel is Integration.RiskLevel.Moderate or Integration.RiskLevel.High;

    /// <summary>Replaces the draft's content. Carried-forward items keep their text (only their status changes); new items are replaced. A signed note refuses.</summary>
    public void Update(IntegrationContent content, DateTimeOffset at)
    {
        EnsureDraft();
        IntegrationContentRules.Validate(content);
        Touch(content.OccurredAt, at);
        Apply(content, at);
    }

    protected override void WriteContent(NoteContent content)
    {
        content
            .Add("int.durationMinutes", DurationMinutes)
            .Add("int.modality", Modality.ToString())
            .Add("int.followsDosingSessionId", FollowsDosingSessionId)
            .Add("int.format", Format.ToString())
            .Add("int.subjective", Subjective)
            .Add("int.objective", Objective)
            .Add("int.data", Data)
            .Add("int.assessment", Assessment)
            .Add("int.plan", Plan)
            .AddList("int.themes", Themes)
            .Add("int.insights", Insights)
            .AddList("int.approaches", Approaches.Select(a => a.ToString()))
            .Add("int.otherApproach", OtherApproach)
            .Add("int.goalsAndProgress", GoalsAndProgress)
            .Add("int.riskMethod", RiskMethod?.ToString())
            .Add("int.riskLevel", RiskLevel?.ToString())
            .Add("int.riskNote", RiskNote)
            .Add("int.riskMeasureId", RiskMeasureId);
        var index = 0;
        foreach (var item in homework.OrderBy(i => i.Position))
        {
            item.WriteContent(content, index++);
        }
    }

    protected override void EnsureCompleteForSigning()
    {
        foreach (var (field, message) in IntegrationContentRules.MissingForSigning(Format, Subjective, Objective, Data, Assessment, Plan))
        {
            throw new RuleViolationException(field, message);
        }

        if (RiskMethod is null || RiskLevel is null)
        {
            throw new RuleViolationException("RiskMethod", "Record the risk check before signing: a C-SSRS screener or your clinical judgement.");
        }

        if (RiskMethod == RiskCheckMethod.ClinicianJudgement && RiskNote is null)
        {
            throw new RuleViolationException("RiskNote", "Say what the risk judgement rests on before signing.");
        }

        if (homework.Any(i => i.IsCarriedForward && i.Status == HomeworkStatus.Open))
        {
            throw new RuleViolationException("Homework", IntegrationContentRules.CarriedItemsUnreviewed);
        }
    }

    private void Apply(IntegrationContent content, DateTimeOffset at)
    {
        var carried = homework.Where(i => i.IsCarriedForward).ToDictionary(i => i.CarriedFromItemId!.Value);
        if (content.Homework.FirstOrDefault(h => h.CarriedFromItemId is { } id && !carried.ContainsKey(id)) is not null)
        {
            throw new RuleViolationException("Homework", "An item can only be carried forward from the course's latest signed integration note. Reload the page.");
        }

        DurationMinutes = content.DurationMinutes;
        Modality = content.Modality;
        FollowsDosingSessionId = content.FollowsDosingSessionId;
        Format = content.Format;
        Subjective = Clean(content.Subjective);
        Objective = Clean(content.Objective);
        Data = Clean(content.Data);
        Assessment = Clean(content.Assessment);
        Plan = Clean(content.Plan);
        Themes = [.. content.Themes.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        Insights = Clean(content.Insights);
        Approaches = [.. content.Approaches.Distinct().Order()];
        OtherApproach = Approaches.Contains(IntegrationApproach.Other) ? Clean(content.OtherApproach) : null;
        GoalsAndProgress = Clean(content.GoalsAndProgress);
        RiskMethod = content.RiskMethod;
        RiskLevel = content.RiskLevel;
        RiskNote = Clean(content.RiskNote);
        RiskMeasureId = content.RiskMethod == RiskCheckMethod.CssrsScreener ? content.RiskMeasureId : null;

        foreach (var item in content.Homework.Where(h => h.CarriedFromItemId is not null))
        {
            carried[item.CarriedFromItemId!.Value].MarkAs(item.Status);
        }

        homework.RemoveAll(i => !i.IsCarriedForward);
        foreach (var item in content.Homework.Where(h => h.CarriedFromItemId is null))
        {
            homework.Add(new HomeworkItem(this, homework.Count, null, item.Text.Trim(), item.Status, at));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
