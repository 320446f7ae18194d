namespace KapClinic.Core.Patients;

/// <summary>
/// The registry form: a patient's demographics, contact, emergency contact and care fields as typed. Dates and
/// choices are nullable so a missing answer is told apart from a default one. Checked by <see cref="PatientInputValidator"/>.
/// </summary>
public sealed class PatientInput
{
    public string LegalFirstName { get; set; } = string.Empty;

    public string LegalLastName { get; set; } = string.Empty;

    public string? PreferredName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public SexAtBirth? SexAtBirth { get; set; }

    public string? GenderIdentity { get; set; }

    public string? Pronouns { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? EmergencyContactName { get; set; }

    public string? EmergencyContactRelationship { get; set; }

    public string? EmergencyContactPhone { get; set; }

    public Guid? PrimaryClinicianId { get; set; }

    public string? ReferralSource { get; set; }

    public decimal? HeightCm { get; set; }

    /// <summary>The version the form was opened with (PostgreSQL xmin); a newer one in the database means a conflict.</summary>
    public uint Version { get; set; }

    public static PatientInput From(Patient patient) => new()
    {
        LegalFirstName = patient.LegalFirstName,
        LegalLastName = patient.LegalLastName,
        PreferredName = patient.PreferredName,
        DateOfBirth = patient.DateOfBirth,
        SexAtBirth = patient.SexAtBirth,
        GenderIdentity = patient.GenderIdentity,
        Pronouns = patient.Pronouns,
        Phone = patient.Phone,
        Email = patient.Email,
        AddressLine1 = patient.Address.Line1,
        AddressLine2 = patient.Address.Line2,
        City = patient.Address.City,
        Region = patient.Address.Region,
        PostalCode = patient.Address.PostalCode,
        EmergencyContactName = patient.EmergencyContact.Name,
        EmergencyContactRelationship = patient.EmergencyContact.Relationship,
        EmergencyContactPhone = patient.EmergencyContact.Phone,
        PrimaryClinicianId = patient.PrimaryClinicianId,
        ReferralSource = patient.ReferralSource,
        HeightCm = patient.HeightCm,
        Version = patient.Version,
    };

    /// <summary>The entity's value; call only after validation (date of birth and sex at birth are required).</summary>
    public PatientDetails ToDetails() => new(
        LegalFirstName,
        LegalLastName,
        PreferredName,
        DateOfBirth ?? throw new InvalidOperationException("Validate the input first: the date of birth is missing."),
        SexAtBirth ?? throw new InvalidOperationException("Validate the input first: the sex at birth is missing."),
        GenderIdentity,
        Pronouns,
        Phone,
        Email,
        new PostalAddress(Clean(AddressLine1), Clean(AddressLine2), Clean(City), Clean(Region), Clean(PostalCode)),
        new EmergencyContact(Clean(EmergencyContactName), Clean(EmergencyContactRelationship), Clean(EmergencyContactPhone)),
        PrimaryClinicianId,
        ReferralSource,
        HeightCm);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
