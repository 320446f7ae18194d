using KapClinic.Core.Dosing;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>
/// dosing_sessions (one row per clinical_notes row) and its child rows: dose_administrations, vitals_readings,
/// adverse_events and dosing_gate_overrides, all locked with the session once it is signed (see
/// <see cref="ClinicalNotesLocked"/>); and rems_submissions, written once after signing. Check constraints repeat
/// the physiological limits so no path around the app stores an impossible value.
/// </summary>
public sealed class DosingSessionConfigurations :
    IEntityTypeConfiguration<DosingSession>,
    IEntityTypeConfiguration<DoseAdministration>,
    IEntityTypeConfiguration<VitalsReading>,
    IEntityTypeConfiguration<AdverseEvent>,
    IEntityTypeConfiguration<GateOverride>,
    IEntityTypeConfiguration<RemsSubmission>
{
    private const string Vitals = "(systolic IS NULL OR systolic BETWEEN 50 AND 260) AND (diastolic IS NULL OR diastolic BETWEEN 30 AND 160)"
        + " AND (heart_rate IS NULL OR heart_rate BETWEEN 20 AND 250) AND (sp_o2 IS NULL OR sp_o2 BETWEEN 50 AND 100)"
        + " AND (respiratory_rate IS NULL OR respiratory_rate BETWEEN 4 AND 60)";

    public void Configure(EntityTypeBuilder<DosingSession> builder)
    {
        builder.ToTable("dosing_sessions", t =>
        {
            t.HasCheckConstraint("ck_dosing_sessions_pre_dose_vitals", Vitals.Replace("systolic", "pre_dose_systolic", StringComparison.Ordinal)
                .Replace("diastolic", "pre_dose_diastolic", StringComparison.Ordinal).Replace("heart_rate", "pre_dose_heart_rate", StringComparison.Ordinal)
                .Replace("sp_o2", "pre_dose_sp_o2", StringComparison.Ordinal).Replace("respiratory_rate", "pre_dose_respiratory_rate", StringComparison.Ordinal));
            t.HasCheckConstraint("ck_dosing_sessions_weight", "weight_kg IS NULL OR weight_kg BETWEEN 30 AND 300");
            t.HasCheckConstraint("ck_dosing_sessions_mood", "mood_score IS NULL OR mood_score BETWEEN 0 AND 10");
            t.HasCheckConstraint("ck_dosing_sessions_dose_range", "dose_min > 0 AND dose_max >= dose_min");
            t.HasCheckConstraint("ck_dosing_sessions_discharge", "(discharged_at IS NULL) = (discharged_with IS NULL)");
        });
        builder.Property(s => s.Drug).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Route).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DoseUnit).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.PregnancyTest).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.PreDoseCssrsRisk).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.DoseMin).HasPrecision(8, 3);
        builder.Property(s => s.DoseMax).HasPrecision(8, 3);
        builder.Property(s => s.WeightKg).HasPrecision(5, 1);
        builder.Property(s => s.RideHomeName).HasMaxLength(DosingSession.ShortTextMaxLength);
        builder.Property(s => s.RideHomePhone).HasMaxLength(DosingSession.PhoneMaxLength);
        builder.Property(s => s.Intention).HasMaxLength(NoteLimits.TextMaxLength);
        builder.Property(s => s.PatientAccount).HasMaxLength(NoteLimits.TextMaxLength);
        builder.Property(s => s.DoseWithheldReason).HasMaxLength(GateOverride.ReasonMaxLength);
        builder.Property(s => s.DischargedWith).HasMaxLength(DischargeAssessment.DischargedWithMaxLength);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(s => s.PrescriberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(s => s.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.AppointmentId).IsUnique().HasFilter("appointment_id IS NOT NULL");
        builder.HasOne<Courses.Protocol>().WithMany().HasForeignKey(s => s.ProtocolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MeasureResponse>().WithMany().HasForeignKey(s => s.PreDoseCssrsMeasureId).OnDelete(DeleteBehavior.Restrict);
        foreach (var children in new[] { nameof(DosingSession.Administrations), nameof(DosingSession.Readings), nameof(DosingSession.AdverseEvents), nameof(DosingSession.Overrides) })
        {
            builder.Navigation(children).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        builder.HasMany(s => s.Administrations).WithOne().HasForeignKey(a => a.NoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Readings).WithOne().HasForeignKey(r => r.NoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.AdverseEvents).WithOne().HasForeignKey(e => e.NoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Overrides).WithOne().HasForeignKey(o => o.NoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.StartedAt);
        builder.Ignore(s => s.MonitoringClinicianId);
        builder.Ignore(s => s.IsDosed);
        builder.Ignore(s => s.FirstDoseAt);
        builder.Ignore(s => s.TotalDoseMg);
        builder.Ignore(s => s.IsDischarged);
        builder.Ignore(s => s.Checklist);
    }

    public void Configure(EntityTypeBuilder<DoseAdministration> builder)
    {
        builder.ToTable("dose_administrations", t =>
        {
            t.HasCheckConstraint("ck_dose_administrations_dose", "dose_mg > 0");
            t.HasCheckConstraint("ck_dose_administrations_infusion", "infusion_end_at IS NULL OR (is_infusion AND infusion_end_at > administered_at)");
            t.HasCheckConstraint("ck_dose_administrations_devices", "drug <> 'Esketamine' OR (device_count BETWEEN 1 AND 3 AND dose_mg = device_count * 28)");
            t.HasCheckConstraint("ck_dose_administrations_lot", "btrim(lot_number) <> ''");
        });
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Drug).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Route).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DoseMg).HasPrecision(8, 2);
        builder.Property(a => a.WeightKg).HasPrecision(5, 1);
        builder.Property(a => a.MgPerKg).HasPrecision(6, 2);
        builder.Property(a => a.ConcentrationMgPerMl).HasPrecision(8, 2);
        builder.Property(a => a.VolumeMl).HasPrecision(8, 2);
        builder.Property(a => a.InfusionRateMlPerHour).HasPrecision(8, 2);
        builder.Property(a => a.LotNumber).HasMaxLength(DoseAdministration.LotNumberMaxLength).IsRequired();
        builder.HasIndex(a => new { a.NoteId, a.Sequence }).IsUnique();
        builder.HasIndex(a => a.AdministeredAt);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Inventory.Lot>().WithMany().HasForeignKey(a => a.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(a => a.GivenById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(a => a.PrescriberId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsInfusionRunning);
        builder.Ignore(a => a.DoseEndAt);
        builder.Ignore(a => a.AuditEntityType);
        builder.Ignore(a => a.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<VitalsReading> builder)
    {
        builder.ToTable("vitals_readings", t =>
        {
            t.HasCheckConstraint("ck_vitals_readings_vitals", Vitals);
            t.HasCheckConstraint("ck_vitals_readings_moaas", "moaas IS NULL OR moaas BETWEEN 0 AND 5");
            t.HasCheckConstraint("ck_vitals_readings_cadss6", "cadss6 IS NULL OR cadss6 BETWEEN 0 AND 24");
        });
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Dissociation).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Nausea).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Comment).HasMaxLength(VitalsReading.CommentMaxLength);
        builder.HasIndex(r => new { r.NoteId, r.TakenAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(r => r.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.Vitals);
        builder.Ignore(r => r.AuditEntityType);
        builder.Ignore(r => r.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<AdverseEvent> builder)
    {
        builder.ToTable("adverse_events", t =>
        {
            t.HasCheckConstraint("ck_adverse_events_other", "(type = 'Other') = (other_type IS NOT NULL)");
            t.HasCheckConstraint("ck_adverse_events_resolved", "resolved_at IS NULL OR resolved_at >= onset_at");
        });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.OtherType).HasMaxLength(DosingSession.ShortTextMaxLength);
        builder.Property(e => e.ActionTaken).HasMaxLength(AdverseEvent.TextMaxLength).IsRequired();
        builder.Property(e => e.Version).IsRowVersion();
        builder.HasIndex(e => new { e.NoteId, e.OnsetAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(e => e.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.IsSerious);
        builder.Ignore(e => e.AuditEntityType);
        builder.Ignore(e => e.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<GateOverride> builder)
    {
        builder.ToTable("dosing_gate_overrides", t => t.HasCheckConstraint("ck_dosing_gate_overrides_reason", "btrim(reason) <> ''"));
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Gate).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Finding).HasMaxLength(NoteLimits.TextMaxLength).IsRequired();
        builder.Property(o => o.Reason).HasMaxLength(GateOverride.ReasonMaxLength).IsRequired();
        builder.Property(o => o.PrescriberName).HasMaxLength(120).IsRequired();
        builder.HasIndex(o => o.NoteId);
        builder.HasOne<DoseAdministration>().WithMany().HasForeignKey(o => o.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(o => o.PrescriberId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.AuditEntityType);
        builder.Ignore(o => o.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<RemsSubmission> builder)
    {
        builder.ToTable("rems_submissions");
        builder.HasKey(r => r.SessionId);
        builder.Property(r => r.SessionId).ValueGeneratedNever();
        builder.Property(r => r.ConfirmationNumber).HasMaxLength(RemsSubmission.ConfirmationMaxLength).IsRequired();
        builder.HasOne<DosingSession>().WithOne().HasForeignKey<RemsSubmission>(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(r => r.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.AuditEntityType);
        builder.Ignore(r => r.AuditEntityId);
    }
}
