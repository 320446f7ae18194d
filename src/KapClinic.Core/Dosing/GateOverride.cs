using KapClinic.Core.Auditing;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Dosing;

/// <summary>
/// A prescriber gave (or ordered) the dose despite a hold: which gate, what it said at the time, why (its own reason), and who.
/// Shown on the session for good; part of its signed content; audited.
/// </summary>
public sealed class GateOverride : IAuditable
{
    public const int ReasonMaxLength = 2_000;

    private GateOverride()
    {
        Finding = string.Empty;
        Reason = string.Empty;
        PrescriberName = string.Empty;
    }

    internal GateOverride(DosingSession session, Guid administrationId, GateFinding finding, GateOverrideRequest request, DateTimeOffset now)
        : this()
    {
        var reason = request.ReasonFor(finding.Gate);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Id = Guid.CreateVersion7(now);
        NoteId = session.Id;
        PatientId = session.PatientId;
        AdministrationId = administrationId;
        Gate = finding.Gate;
        Finding = finding.Message;
        Reason = reason;
        PrescriberId = request.PrescriberId;
        PrescriberName = request.PrescriberName;
        OverriddenAt = NoteTime.ToStored(now);
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public Guid PatientId { get; private set; }

    public Guid AdministrationId { get; private set; }

    public DosingGate Gate { get; private set; }

    /// <summary>The gate's message when it was overridden (the numbers that held the dose).</summary>
    public string Finding { get; private set; }

    public string Reason { get; private set; }

    public Guid PrescriberId { get; private set; }

    public string PrescriberName { get; private set; }

    public DateTimeOffset OverriddenAt { get; private set; }

    public string AuditEntityType => "DosingGateOverride";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    internal void WriteContent(NoteContent content, int index)
    {
        var prefix = $"dose.override.{index:D2}";
        content.Add($"{prefix}.id", Id)
            .Add($"{prefix}.gate", Gate.ToString())
            .Add($"{prefix}.finding", Finding)
            .Add($"{prefix}.reason", Reason)
            .Add($"{prefix}.prescriber", PrescriberId)
            .Add($"{prefix}.at", OverriddenAt);
    }
}
