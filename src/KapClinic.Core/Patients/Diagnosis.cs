using System.Text.RegularExpressions;
using KapClinic.Core.Auditing;

namespace KapClinic.Core.Patients;

/// <summary>A diagnosis by ICD-10(-CM) code. Resolved, never deleted.</summary>
public sealed partial class Diagnosis : IAuditable
{
    public const int DescriptionMaxLength = 200;

    private Diagnosis()
    {
        Icd10Code = string.Empty;
        Description = string.Empty;
    }

    internal Diagnosis(Guid patientId, string icd10Code, string description, DateTimeOffset recordedAt)
    {
        if (!IsValidIcd10(icd10Code))
        {
            throw new ArgumentException($"'{icd10Code}' is not an ICD-10 code.", nameof(icd10Code));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Id = Guid.CreateVersion7(recordedAt);
        PatientId = patientId;
        Icd10Code = icd10Code.Trim().ToUpperInvariant();
        Description = description.Trim();
        RecordedAt = recordedAt;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid PatientId { get; private set; }

    public string Icd10Code { get; private set; }

    public string Description { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string AuditEntityType => "Diagnosis";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => PatientId;

    /// <summary>
    /// ICD-10 format: a letter, two digits (the second may be a letter in ICD-10-CM, e.g. "F3A"), then optionally
    /// a dot and 1-4 letters or digits: F32.A, F33.1, F43.10, T40.5X1A.
    /// </summary>
    public static bool IsValidIcd10(string? code) => code is not null && Icd10Pattern().IsMatch(code.Trim());

    public void Resolve(DateTimeOffset at)
    {
        IsActive = false;
        ResolvedAt = at;
    }

    [GeneratedRegex(@"^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Icd10Pattern();
}
