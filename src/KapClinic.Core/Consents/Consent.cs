using KapClinic.Core.Auditing;
using KapClinic.Core.Courses;

namespace KapClinic.Core.Consents;

/// <summary>
/// A signed informed-consent document. It expires after the clinic's validity period (a setting, default
/// 12 months); the expiry is fixed when recorded so a later settings change does not rewrite history.
/// </summary>
public sealed class Consent : IAuditable
{
    public const int TextMaxLength = 200;

    private Consent()
    {
        DocumentName = string.Empty;
        DocumentVersion = string.Empty;
        PatientTypedName = string.Empty;
        WitnessName = string.Empty;
    }

    public Consent(
        Guid patientId,
        ConsentKind kind,
        AdministrationRoute? route,
        string documentName,
        string documentVersion,
        DateOnly signedOn,
        string patientTypedName,
        Guid witnessId,
        string witnessName,
        int validityMonths,
        DateTimeOffset recordedAt)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentName);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientTypedName);
        if (kind == ConsentKind.RouteOfAdministration && route is null)
        {
            throw new ArgumentException("A route-of-administration consent names the route.", nameof(route));
        }

        Id = Guid.CreateVersion7(recordedAt);
        PatientId = patientId;
        Kind = kind;
        Route = kind == ConsentKind.RouteOfAdministration ? route : null;
        DocumentName = documentName.Trim();
        DocumentVersion = documentVersion.Trim();
        SignedOn = signedOn;
        PatientTypedName = patientTypedName.Trim();
        WitnessId = witnessId;
        WitnessName = witnessName;
        ExpiresOn = signedOn.AddMonths(validityMonths);
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public ConsentKind Kind { get; private set; }

    public AdministrationRoute? Route { get; private set; }

    public string DocumentName { get; private set; }

    public string DocumentVersion { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public string PatientTypedName { get; private set; }

    public Guid WitnessId { get; private set; }

    public string WitnessName { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string AuditEntityType => "Consent";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    public bool IsCurrentOn(DateOnly today) => SignedOn <= today && today < ExpiresOn;
}
