using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>Screenings, consents, protocols, courses and measures.</summary>
public sealed class ClinicalRecordConfigurations :
    IEntityTypeConfiguration<ScreeningVersion>,
    IEntityTypeConfiguration<Consent>,
    IEntityTypeConfiguration<Protocol>,
    IEntityTypeConfiguration<TreatmentCourse>,
    IEntityTypeConfiguration<MeasureResponse>
{
    public void Configure(EntityTypeBuilder<ScreeningVersion> builder)
    {
        builder.ToTable("screenings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.OwnsMany(s => s.Responses, r =>
        {
            r.ToJson("responses");
            r.Property(x => x.Note).HasMaxLength(ScreeningResponse.NoteMaxLength);
        });
        builder.Navigation(s => s.Responses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(s => s.SignerName).HasMaxLength(120);
        builder.Property(s => s.SignerCredentials).HasMaxLength(20);
        builder.HasIndex(s => new { s.PatientId, s.VersionNumber }).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.IsSigned);
        builder.Ignore(s => s.AuditEntityType);
        builder.Ignore(s => s.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("consents");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.DocumentName).HasMaxLength(Consent.TextMaxLength).IsRequired();
        builder.Property(c => c.DocumentVersion).HasMaxLength(40).IsRequired();
        builder.Property(c => c.PatientTypedName).HasMaxLength(Consent.TextMaxLength).IsRequired();
        builder.Property(c => c.WitnessName).HasMaxLength(120).IsRequired();
        builder.HasIndex(c => new { c.PatientId, c.Kind, c.ExpiresOn });
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.AuditEntityType);
        builder.Ignore(c => c.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.ToTable("protocols", t =>
        {
            t.HasCheckConstraint("ck_protocols_dose_range", "dose_min > 0 AND dose_max >= dose_min");
            t.HasCheckConstraint("ck_protocols_counts", "planned_preparation_sessions >= 0 AND planned_dosing_sessions >= 1 AND planned_integration_sessions >= 0 AND minimum_monitoring_minutes >= 0 AND vitals_interval_minutes > 0");
        });
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Protocol.NameMaxLength).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.DoseMin).HasPrecision(7, 3);
        builder.Property(p => p.DoseMax).HasPrecision(7, 3);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.PlannedSessions);
        builder.Ignore(p => p.DoseRangeText);
        builder.Ignore(p => p.AuditEntityType);
        builder.Ignore(p => p.AuditEntityId);
        builder.HasData(DefaultProtocols.All.Select(p => new
        {
            p.Id,
            p.Definition.Name,
            p.Definition.Drug,
            p.Definition.Route,
            p.Definition.DoseUnit,
            p.Definition.DoseMin,
            p.Definition.DoseMax,
            p.Definition.PlannedPreparationSessions,
            p.Definition.PlannedDosingSessions,
            p.Definition.PlannedIntegrationSessions,
            p.Definition.MinimumMonitoringMinutes,
            p.Definition.VitalsIntervalMinutes,
            IsActive = true,
        }));
    }

    public void Configure(EntityTypeBuilder<TreatmentCourse> builder)
    {
        builder.ToTable("treatment_courses");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.StopReason).HasMaxLength(TreatmentCourse.StopReasonMaxLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => c.PatientId);

        // At most one planned or active course per patient, even when two clinicians start one at the same moment.
        builder.HasIndex(c => c.PatientId, "ux_treatment_courses_one_open_per_patient")
            .HasDatabaseName("ux_treatment_courses_one_open_per_patient")
            .IsUnique()
            .HasFilter("status IN ('Planned', 'Active')");
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Protocol>().WithMany().HasForeignKey(c => c.ProtocolId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.AuditEntityType);
        builder.Ignore(c => c.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<MeasureResponse> builder)
    {
        builder.ToTable("measure_responses");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Total).HasPrecision(7, 2);
        builder.Property(m => m.Band).HasMaxLength(40);
        builder.Property(m => m.Severity).HasMaxLength(40);
        builder.OwnsMany(m => m.Subscales, s => s.ToJson("subscales"));
        builder.HasIndex(m => new { m.PatientId, m.Instrument, m.TakenAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentCourse>().WithMany().HasForeignKey(m => m.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(m => m.AuditEntityType);
        builder.Ignore(m => m.AuditEntityId);
    }
}
