using KapClinic.Core.Notes;

namespace KapClinic.Core.Integration;

/// <summary>The integration note form, as typed. Times are clinic-local; the service stores UTC.</summary>
public sealed class IntegrationNoteInput
{
    /// <summary>Date and time of the session in the clinic's time zone.</summary>
    public DateTime? OccurredAt { get; set; }

    public int? DurationMinutes { get; set; }

    public SessionModality? Modality { get; set; }

    /// <summary>The course's dosing session this integration follows (one with a dose, before the note), if any.</summary>
    public Guid? FollowsDosingSessionId { get; set; }

    public NoteFormat? Format { get; set; }

    public string? Subjective { get; set; }

    public string? Objective { get; set; }

    public string? Data { get; set; }

    public string? Assessment { get; set; }

    public string? Plan { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Insights { get; set; }

    public List<IntegrationApproach> Approaches { get; set; } = [];

    public string? OtherApproach { get; set; }

    public string? GoalsAndProgress { get; set; }

    public RiskCheckMethod? RiskMethod { get; set; }

    /// <summary>
    /// The clinician's judgement. With a C-SSRS screener, the level is that of the patient's latest screener when
    /// the note is saved (it may be recorded in another tab while the form is open).
    /// </summary>
    public RiskLevel? RiskLevel { get; set; }

    public string? RiskNote { get; set; }

    public List<HomeworkInput> Homework { get; set; } = [];

    /// <summary>The draft's version when the form was opened (0 for a new note).</summary>
    public uint Version { get; set; }
}
