using KapClinic.Core.Auditing;

namespace KapClinic.Core.Dosing;

/// <summary>
/// That an esketamine session's REMS Patient Monitoring Form was submitted: on which date, with which confirmation
/// number, recorded by whom. Its own table (the session is signed and locked by then); written once.
/// </summary>
public sealed class RemsSubmission : IAuditable
{
    public const int ConfirmationMaxLength = 60;

    private RemsSubmission()
    {
        ConfirmationNumber = string.Empty;
    }

    public RemsSubmission(Guid sessionId, Guid patientId, DateOnly submittedOn, string confirmationNumber, Guid recordedBy, DateTimeOffset recordedAt)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(confirmationNumber);
        SessionId = sessionId;
        PatientId = patientId;
        SubmittedOn = submittedOn;
        ConfirmationNumber = confirmationNumber.Trim();
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid SessionId { get; private set; }

    public Guid PatientId { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public string ConfirmationNumber { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string AuditEntityType => "RemsSubmission";

    public Guid AuditEntityId => SessionId;

    public Guid? AuditPatientId => PatientId;
}
