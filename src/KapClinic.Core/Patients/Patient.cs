using KapClinic.Core.Auditing;

namespace KapClinic.Core.Patients;

/// <summary>
/// A person in the program. The MRN comes from a PostgreSQL sequence on insert ("KAP-000123"). Patients are
/// archived, never deleted. Status moves only along <see cref="PatientStatusMoves"/>.
/// </summary>
public sealed class Patient : IAuditable
{
    public const int NameMaxLength = 100;
    public const int ShortTextMaxLength = 100;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;

    private readonly List<WeightEntry> weights = [];
    private readonly List<Allergy> allergies = [];
    private readonly List<Medication> medications = [];
    private readonly List<Diagnosis> diagnoses = [];

    private Patient()
    {
        Mrn = string.Empty;
        LegalFirstName = string.Empty;
        LegalLastName = string.Empty;
        Address = PostalAddress.Empty;
        EmergencyContact = EmergencyContact.Empty;
    }

    public Patient(PatientDetails details, DateTimeOffset createdAt)
        : this()
    {
        Id = Guid.CreateVersion7(createdAt);
        CreatedAt = createdAt;
        Status = PatientStatus.Referred;
        Update(details);
    }

    public Guid Id { get; private set; }

    /// <summary>Medical record number, assigned by the database on insert.</summary>
    public string Mrn { get; private set; }

    public string LegalFirstName { get; private set; }

    public string LegalLastName { get; private set; }

    public string? PreferredName { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public SexAtBirth SexAtBirth { get; private set; }

    public string? GenderIdentity { get; private set; }

    public string? Pronouns { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public PostalAddress Address { get; private set; }

    public EmergencyContact EmergencyContact { get; private set; }

    public Guid? PrimaryClinicianId { get; private set; }

    public string? ReferralSource { get; private set; }

    /// <summary>Recorded once (adults' height is stable); weight is dated, see <see cref="Weights"/>.</summary>
    public decimal? HeightCm { get; private set; }

    public PatientStatus Status { get; private set; }

    public bool IsArchived { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Lower-cased, accent-free names for search; computed by PostgreSQL (see the configuration).</summary>
    public string SearchName { get; private set; } = string.Empty;

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<WeightEntry> Weights => weights;

    public IReadOnlyList<Allergy> Allergies => allergies;

    public IReadOnlyList<Medication> Medications => medications;

    public IReadOnlyList<Diagnosis> Diagnoses => diagnoses;

    /// <summary>"Alex (Alexandra) Smith": the preferred name first, the legal one for identification.</summary>
    public string DisplayName => FormatName(LegalFirstName, LegalLastName, PreferredName);

    public string AuditEntityType => "Patient";

    public Guid AuditEntityId => Id;

    public Guid? AuditPatientId => Id;

    public static string FormatName(string legalFirst, string legalLast, string? preferred) =>
        string.IsNullOrWhiteSpace(preferred) || string.Equals(preferred, legalFirst, StringComparison.Ordinal)
            ? $"{legalFirst} {legalLast}"
            : $"{preferred} ({legalFirst}) {legalLast}";

    public static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > today ? age - 1 : age;
    }

    public void Update(PatientDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.LegalFirstName);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.LegalLastName);
        LegalFirstName = details.LegalFirstName.Trim();
        LegalLastName = details.LegalLastName.Trim();
        PreferredName = Clean(details.PreferredName);
        DateOfBirth = details.DateOfBirth;
        SexAtBirth = details.SexAtBirth;
        GenderIdentity = Clean(details.GenderIdentity);
        Pronouns = Clean(details.Pronouns);
        Phone = Clean(details.Phone);
        Email = Clean(details.Email);
        Address = details.Address;
        EmergencyContact = details.EmergencyContact;
        PrimaryClinicianId = details.PrimaryClinicianId;
        ReferralSource = Clean(details.ReferralSource);
        HeightCm = details.HeightCm;
    }

    /// <summary>Moves the status; refuses a move the program does not allow.</summary>
    public void MoveTo(PatientStatus next)
    {
        if (!PatientStatusMoves.IsAllowed(Status, next))
        {
            throw new InvalidOperationException($"A patient cannot move from {Status} to {next}.");
        }

        Status = next;
    }

    public void Archive(DateTimeOffset at)
    {
        IsArchived = true;
        ArchivedAt = at;
    }

    public void Restore()
    {
        IsArchived = false;
        ArchivedAt = null;
    }

    public WeightEntry RecordWeight(DateOnly measuredOn, decimal kg, Guid recordedBy, DateTimeOffset recordedAt)
    {
        var entry = new WeightEntry(Id, measuredOn, kg, recordedBy, recordedAt);
        weights.Add(entry);
        return entry;
    }

    public Allergy AddAllergy(string substance, string? reaction, DateTimeOffset recordedAt)
    {
        var allergy = new Allergy(Id, substance, reaction, recordedAt);
        allergies.Add(allergy);
        return allergy;
    }

    public Medication AddMedication(string name, string? dose, MedicationClass medicationClass, DateTimeOffset recordedAt)
    {
        var medication = new Medication(Id, name, dose, medicationClass, recordedAt);
        medications.Add(medication);
        return medication;
    }

    public Diagnosis AddDiagnosis(string icd10Code, string description, DateTimeOffset recordedAt)
    {
        var diagnosis = new Diagnosis(Id, icd10Code, description, recordedAt);
        diagnoses.Add(diagnosis);
        return diagnosis;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
