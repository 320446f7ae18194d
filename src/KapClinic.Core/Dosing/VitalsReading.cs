using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Dosing;

/// <summary>
/// One row of the monitoring timeline: vitals (any may be missing, not all), MOAA/S sedation, dissociation
/// (present/absent or a CADSS-6 total), nausea and a comment. A child row of the session, inserted on its own.
/// </summary>
public sealed class VitalsReading : IAuditable
{
    public const int CommentMaxLength = 500;

    private VitalsReading()
    {
    }

    private VitalsReading(SessionHeader session, VitalsReadingValues values, Guid recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        NoteId = session.Id;
        PatientId = session.PatientId;
        TakenAt = NoteTime.ToStored(values.TakenAt);
        Systolic = values.Vitals.Systolic;
        Diastolic = values.Vitals.Diastolic;
        HeartRate = values.Vitals.HeartRate;
        SpO2 = values.Vitals.SpO2;
        RespiratoryRate = values.Vitals.RespiratoryRate;
        Moaas = values.Moaas;
        Dissociation = values.Dissociation;
        Cadss6 = values.Cadss6;
        Nausea = values.Nausea;
        Comment = string.IsNullOrWhiteSpace(values.Comment) ? null : values.Comment.Trim();
        RecordedBy = recordedBy;
        RecordedAt = NoteTime.ToStored(now);
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public Guid PatientId { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    public int? Systolic { get; private set; }

    public int? Diastolic { get; private set; }

    public int? HeartRate { get; private set; }

    public int? SpO2 { get; private set; }

    public int? RespiratoryRate { get; private set; }

    /// <summary>MOAA/S sedation: 5 = responds readily to name spoken normally ... 0 = no response to painful stimulus.</summary>
    public int? Moaas { get; private set; }

    public Dissociation? Dissociation { get; private set; }

    /// <summary>CADSS-6 total (0-24), when dissociation was scored rather than marked present/absent.</summary>
    public int? Cadss6 { get; private set; }

    public Nausea? Nausea { get; private set; }

    public string? Comment { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public VitalSigns Vitals => new(Systolic, Diastolic, HeartRate, SpO2, RespiratoryRate);

    public string AuditEntityType => "VitalsReading";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    /// <summary>A new reading for <paramref name="session"/>, refused when a value or the time does not fit.</summary>
    public static VitalsReading Record(SessionHeader session, VitalsReadingValues values, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(values);
        session.EnsureTimeFits(values.TakenAt, now, "TakenAt", "A reading");
        if (PhysiologicalLimits.Check(values.Vitals) is { } problem)
        {
            throw new RuleViolationException(problem);
        }

        if (values.Moaas is { } m && (m < PhysiologicalLimits.Moaas.Min || m > PhysiologicalLimits.Moaas.Max))
        {
            throw new RuleViolationException("Moaas", "MOAA/S must be 0-5.");
        }

        if (values.Cadss6 is { } c && (c < PhysiologicalLimits.Cadss6.Min || c > PhysiologicalLimits.Cadss6.Max))
        {
            throw new RuleViolationException("Cadss6", "CADSS-6 must be 0-24.");
        }

        if (values.Vitals.IsEmpty && values.Moaas is null && values.Dissociation is null && values.Cadss6 is null && values.Nausea is null
            && string.IsNullOrWhiteSpace(values.Comment))
        {
            throw new RuleViolationException("Enter at least one value for the reading.");
        }

        return new VitalsReading(session, values, recordedBy, now);
    }

    internal void WriteContent(NoteContent content, int index)
    {
        var prefix = $"dose.reading.{index:D3}";
        content.Add($"{prefix}.id", Id)
            .Add($"{prefix}.at", TakenAt)
            .Add($"{prefix}.vitals", $"{Systolic}/{Diastolic} hr {HeartRate} spo2 {SpO2} rr {RespiratoryRate}")
            .Add($"{prefix}.moaas", Moaas)
            .Add($"{prefix}.dissociation", Dissociation?.ToString())
            .Add($"{prefix}.cadss6", Cadss6)
            .Add($"{prefix}.nausea", Nausea?.ToString())
            .Add($"{prefix}.comment", Comment)
            .Add($"{prefix}.by", RecordedBy);
    }
}
