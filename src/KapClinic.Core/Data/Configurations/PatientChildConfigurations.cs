using KapClinic.Core.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>The small per-patient lists: weights, allergies, medications, diagnoses.</summary>
public sealed class PatientChildConfigurations :
    IEntityTypeConfiguration<WeightEntry>,
    IEntityTypeConfiguration<Allergy>,
    IEntityTypeConfiguration<Medication>,
    IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<WeightEntry> builder)
    {
        builder.ToTable("weight_entries", t => t.HasCheckConstraint("ck_weight_entries_kg", "kg BETWEEN 30 AND 300"));
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Kg).HasPrecision(5, 1);
        builder.HasIndex(w => new { w.PatientId, w.MeasuredOn });
        IgnoreAudit(builder);
    }

    public void Configure(EntityTypeBuilder<Allergy> builder)
    {
        builder.ToTable("allergies");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Substance).HasMaxLength(Allergy.TextMaxLength).IsRequired();
        builder.Property(a => a.Reaction).HasMaxLength(Allergy.TextMaxLength);
        builder.HasIndex(a => a.PatientId);
        IgnoreAudit(builder);
    }

    public void Configure(EntityTypeBuilder<Medication> builder)
    {
        builder.ToTable("medications");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(Medication.NameMaxLength).IsRequired();
        builder.Property(m => m.Dose).HasMaxLength(Medication.DoseMaxLength);
        builder.Ignore(m => m.InteractsWithKetamine);
        builder.HasIndex(m => m.PatientId);
        IgnoreAudit(builder);
    }

    public void Configure(EntityTypeBuilder<Diagnosis> builder)
    {
        builder.ToTable("diagnoses");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Icd10Code).HasMaxLength(10).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(Diagnosis.DescriptionMaxLength).IsRequired();
        builder.HasIndex(d => d.PatientId);
        IgnoreAudit(builder);
    }

    private static void IgnoreAudit<T>(EntityTypeBuilder<T> builder)
        where T : class, KapClinic.Core.Auditing.IAuditable
    {
        builder.Ignore(x => x.AuditEntityType);
        builder.Ignore(x => x.AuditEntityId);
    }
}
