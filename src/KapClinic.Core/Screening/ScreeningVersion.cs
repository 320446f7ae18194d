using KapClinic.Core.Auditing;

namespace KapClinic.Core.Screening;

/// <summary>
/// One version of a patient's intake screening. A change of any answer makes a new version (earlier ones stay
/// readable); a prescriber signs a version, after which it never changes.
/// </summary>
public sealed class ScreeningVersion : IAuditable
{
    private readonly List<ScreeningResponse> responses = [];

    private ScreeningVersion()
    {
        Reasons = [];
    }

    public ScreeningVersion(
        Guid patientId,
        int versionNumber,
        IEnumerable<ScreeningResponse> answers,
        ScreeningResult result,
        IEnumerable<string> reasons,
        Guid createdBy,
        DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        PatientId = patientId;
        VersionNumber = versionNumber;
        responses.AddRange(answers);
        Result = result;
        Reasons = [.. reasons];
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public int VersionNumber { get; private set; }

    public IReadOnlyList<ScreeningResponse> Responses => responses;

    public ScreeningResult Result { get; private set; }

    public List<string> Reasons { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? SignedBy { get; private set; }

    public string? SignerName { get; private set; }

    public string? SignerCredentials { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public bool IsSigned => SignedAt is not null;

    public string AuditEntityType => "Screening";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    /// <summary>The prescriber's signature: name and credentials as they were at signing, and the UTC time.</summary>
    public void Sign(Guid prescriberId, string name, string? credentials, DateTimeOffset at)
    {
        if (IsSigned)
        {
            throw new InvalidOperationException("This screening version is already signed.");
        }

        SignedBy = prescriberId;
        SignerName = name;
        SignerCredentials = credentials;
        SignedAt = at.ToUniversalTime();
    }
}
