using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public const string MrnSequence = "patient_mrn_seq";

    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.ToTable("patients", t =>
        {
            t.HasCheckConstraint("ck_patients_height", "height_cm IS NULL OR height_cm BETWEEN 100 AND 250");
            t.HasCheckConstraint("ck_patients_archived", "is_archived = (archived_at IS NOT NULL)");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        // A new Patient's Mrn is "" until the insert: the sentinel tells EF to leave it to the database default.
        builder.Property(p => p.Mrn).HasMaxLength(16)
            .HasDefaultValueSql(PatientSearchSql.NextMrnFunction + "()")
            .ValueGeneratedOnAdd()
            .HasSentinel(string.Empty); // a new Patient has "" until the database assigns the MRN
        builder.HasIndex(p => p.Mrn).IsUnique();
        builder.Property(p => p.LegalFirstName).HasMaxLength(Patient.NameMaxLength).IsRequired();
        builder.Property(p => p.LegalLastName).HasMaxLength(Patient.NameMaxLength).IsRequired();
        builder.Property(p => p.PreferredName).HasMaxLength(Patient.NameMaxLength);
        builder.Property(p => p.GenderIdentity).HasMaxLength(Patient.ShortTextMaxLength);
        builder.Property(p => p.Pronouns).HasMaxLength(40);
        builder.Property(p => p.Phone).HasMaxLength(Patient.PhoneMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Patient.EmailMaxLength);
        builder.Property(p => p.ReferralSource).HasMaxLength(Patient.ShortTextMaxLength);
        builder.Property(p => p.HeightCm).HasPrecision(4, 1);
        builder.ComplexProperty(p => p.Address, a =>
        {
            a.Property(x => x.Line1).HasMaxLength(Patient.ShortTextMaxLength);
            a.Property(x => x.Line2).HasMaxLength(Patient.ShortTextMaxLength);
            a.Property(x => x.City).HasMaxLength(Patient.ShortTextMaxLength);
            a.Property(x => x.Region).HasMaxLength(Patient.ShortTextMaxLength);
            a.Property(x => x.PostalCode).HasMaxLength(20);
        });
        builder.ComplexProperty(p => p.EmergencyContact, c =>
        {
            c.Property(x => x.Name).HasMaxLength(Patient.NameMaxLength);
            c.Property(x => x.Relationship).HasMaxLength(Patient.ShortTextMaxLength);
            c.Property(x => x.Phone).HasMaxLength(Patient.PhoneMaxLength);
        });
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.DisplayName);
        builder.Ignore(p => p.AuditEntityType);
        builder.Ignore(p => p.AuditEntityId);

        // Name search: lower-cased and accent-free in PostgreSQL, indexed by trigrams so "%nun%" finds Núñez fast.
        builder.Property(p => p.SearchName)
            .HasComputedColumnSql(
                $"{PatientSearchFunctions.UnaccentFunction}(lower(legal_first_name || ' ' || legal_last_name || ' ' || coalesce(preferred_name, '')))",
                stored: true);
        builder.HasIndex(p => p.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops");

        // The list shows unarchived patients sorted by name, or filtered by birth date, status or clinician.
        builder.HasIndex(p => new { p.LegalLastName, p.LegalFirstName }).HasFilter("is_archived = false");
        builder.HasIndex(p => p.DateOfBirth).HasFilter("is_archived = false");
        builder.HasIndex(p => new { p.Status, p.LegalLastName }).HasFilter("is_archived = false");
        builder.HasIndex(p => new { p.PrimaryClinicianId, p.LegalLastName }).HasFilter("is_archived = false");

        builder.HasOne<KapClinic.Core.Users.ClinicUser>().WithMany().HasForeignKey(p => p.PrimaryClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Weights).WithOne().HasForeignKey(w => w.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Allergies).WithOne().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Medications).WithOne().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Diagnoses).WithOne().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Weights).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Allergies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Medications).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Diagnoses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
