using KapClinic.Core.Notes;

namespace KapClinic.Core.Preparation;

/// <summary>The preparation note form, as typed. Times are clinic-local; the service stores UTC.</summary>
public sealed class PreparationSessionInput
{
    /// <summary>Date and time of the session in the clinic's time zone.</summary>
    public DateTime? OccurredAt { get; set; }

    public int? DurationMinutes { get; set; }

    public SessionModality? Modality { get; set; }

    public string? Intentions { get; set; }

    public List<EducationTopic> EducationTopics { get; set; } = [];

    public bool ScreeningReviewed { get; set; }

    /// <summary>The screening version shown beside the "reviewed" box.</summary>
    public Guid? ReviewedScreeningId { get; set; }

    public string? MentalStatus { get; set; }

    public string? SupportPerson { get; set; }

    public bool RideHomeArranged { get; set; }

    public ReadinessDecision? Decision { get; set; }

    public string? DecisionRationale { get; set; }

    public string? Data { get; set; }

    public string? Assessment { get; set; }

    public string? Plan { get; set; }

    /// <summary>The draft's version when the form was opened (0 for a new note).</summary>
    public uint Version { get; set; }
}
