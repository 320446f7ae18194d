using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Dosing;

/// <summary>An adverse event during a dosing session: what, how severe, onset, action taken, when resolved.</summary>
public sealed class AdverseEvent : IAuditable
{
    public const int TextMaxLength = 1_000;

    private AdverseEvent()
    {
        ActionTaken = string.Empty;
    }

    private AdverseEvent(SessionHeader session, AdverseEventValues values, Guid recordedBy, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        NoteId = session.Id;
        PatientId = session.PatientId;
        Type = values.Type;
        OtherType = values.Type == AdverseEventType.Other ? values.OtherType!.Trim() : null;
        Severity = values.Severity;
        OnsetAt = NoteTime.ToStored(values.OnsetAt);
        ActionTaken = values.ActionTaken.Trim();
        ResolvedAt = values.ResolvedAt is { } r ? NoteTime.ToStored(r) : null;
        RecordedBy = recordedBy;
        RecordedAt = NoteTime.ToStored(now);
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public Guid PatientId { get; private set; }

    public AdverseEventType Type { get; private set; }

    public string? OtherType { get; private set; }

    public AdverseEventSeverity Severity { get; private set; }

    public DateTimeOffset OnsetAt { get; private set; }

    public string ActionTaken { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): resolving changes the row.</summary>
    public uint Version { get; private set; }

    public bool IsSerious => Severity == AdverseEventSeverity.Serious;

    public string AuditEntityType => "AdverseEvent";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public static AdverseEvent Record(SessionHeader session, AdverseEventValues values, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(values);
        session.EnsureTimeFits(values.OnsetAt, now, "OnsetAt", "The onset");
        if (values.Type == AdverseEventType.Other && string.IsNullOrWhiteSpace(values.OtherType))
        {
            throw new RuleViolationException("OtherType", "Describe the event when its type is Other.");
        }

        if (string.IsNullOrWhiteSpace(values.ActionTaken))
        {
            throw new RuleViolationException("ActionTaken", "Enter the action taken (or 'observation only').");
        }

        if (values.ResolvedAt is { } resolved)
        {
            EnsureResolvedFits(session, values.OnsetAt, resolved, now);
        }

        return new AdverseEvent(session, values, recordedBy, now);
    }

    /// <summary>Marks the event resolved at <paramref name="at"/> (once).</summary>
    public void Resolve(SessionHeader session, DateTimeOffset at, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (ResolvedAt is not null)
        {
            throw new RuleViolationException("This event is already marked resolved.");
        }

        EnsureResolvedFits(session, OnsetAt, at, now);
        ResolvedAt = NoteTime.ToStored(at);
    }

    internal void WriteContent(NoteContent content, int index)
    {
        var prefix = $"dose.event.{index:D2}";
        content.Add($"{prefix}.id", Id)
            .Add($"{prefix}.type", Type.ToString())
            .Add($"{prefix}.other", OtherType)
            .Add($"{prefix}.severity", Severity.ToString())
            .Add($"{prefix}.onset", OnsetAt)
            .Add($"{prefix}.action", ActionTaken)
            .Add($"{prefix}.resolved", ResolvedAt);
    }

    private static void EnsureResolvedFits(SessionHeader session, DateTimeOffset onset, DateTimeOffset resolved, DateTimeOffset now)
    {
        if (session.IsSigned)
        {
            throw new RuleViolationException("This session is signed and can no longer change. Add an addendum instead.");
        }

        if (resolved < onset)
        {
            throw new RuleViolationException("ResolvedAt", "An event cannot resolve before its onset.");
        }

        if (resolved > now.AddMinutes(DosingSession.FutureToleranceMinutes))
        {
            throw new RuleViolationException("ResolvedAt", "The resolution time cannot be in the future.");
        }
    }
}
