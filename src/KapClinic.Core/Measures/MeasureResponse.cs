using KapClinic.Core.Auditing;

namespace KapClinic.Core.Measures;

/// <summary>
/// One completed rating scale: the item answers as given and the score the server computed from them (total,
/// band, alerts, subscales). Stored scores never change; a mistaken entry is corrected by a new one.
/// </summary>
public sealed class MeasureResponse : IAuditable
{
    private MeasureResponse()
    {
        Answers = [];
        Alerts = [];
        Subscales = [];
    }

    public MeasureResponse(
        Guid patientId,
        Instrument instrument,
        IEnumerable<int> answers,
        decimal total,
        string? band,
        string? severity,
        IEnumerable<string> alerts,
        IEnumerable<SubscaleScore> subscales,
        DateTimeOffset takenAt,
        Guid enteredBy,
        Guid? courseId,
        Guid? sessionId,
        DateTimeOffset enteredAt)
    {
        Id = Guid.CreateVersion7(enteredAt);
        PatientId = patientId;
        Instrument = instrument;
        Answers = [.. answers];
        Total = total;
        Band = band;
        Severity = severity;
        Alerts = [.. alerts];
        Subscales = [.. subscales];
        TakenAt = takenAt;
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
        CourseId = courseId;
        SessionId = sessionId;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public Instrument Instrument { get; private set; }

    public int[] Answers { get; private set; }

    public decimal Total { get; private set; }

    public string? Band { get; private set; }

    public string? Severity { get; private set; }

    public string[] Alerts { get; private set; }

    public List<SubscaleScore> Subscales { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    public Guid EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    public Guid? CourseId { get; private set; }

    /// <summary>The session the measure was taken at, once sessions exist (no foreign key yet).</summary>
    public Guid? SessionId { get; private set; }

    public string AuditEntityType => "MeasureResponse";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;
}

