using KapClinic.Core.Courses;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>Rooms, clinician hours, appointments, the waitlist and calendar feeds.</summary>
public sealed class SchedulingConfigurations :
    IEntityTypeConfiguration<Room>,
    IEntityTypeConfiguration<WorkingHours>,
    IEntityTypeConfiguration<TimeOff>,
    IEntityTypeConfiguration<Appointment>,
    IEntityTypeConfiguration<WaitlistEntry>,
    IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("rooms");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Room.NameMaxLength).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.AuditEntityType);
        builder.Ignore(r => r.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.ToTable("working_hours", t => t.HasCheckConstraint("ck_working_hours_order", "\"end\" > start"));
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasIndex(w => new { w.ClinicianId, w.Day });
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(w => w.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(w => w.AuditEntityType);
        builder.Ignore(w => w.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.ToTable("time_off", t => t.HasCheckConstraint("ck_time_off_order", "last_day >= first_day"));
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Reason).HasMaxLength(TimeOff.ReasonMaxLength).IsRequired();
        builder.HasIndex(t => new { t.ClinicianId, t.FirstDay });
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(t => t.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.AuditEntityType);
        builder.Ignore(t => t.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("appointments", t =>
        {
            t.HasCheckConstraint("ck_appointments_order", "ends_at > starts_at");
            t.HasCheckConstraint("ck_appointments_length", "ends_at - starts_at <= interval '12 hours'");
            t.HasCheckConstraint("ck_appointments_cancel_reason", "(status = 'Cancelled') = (cancel_reason IS NOT NULL)");
        });
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CancelReason).HasMaxLength(Appointment.CancelReasonMaxLength);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.Duration);
        builder.Ignore(a => a.IsCancelled);
        builder.Ignore(a => a.AuditEntityType);
        builder.Ignore(a => a.AuditEntityId);

        // Day and week views read by time, per room or per clinician; a patient's page reads theirs.
        builder.HasIndex(a => a.StartsAt);
        builder.HasIndex(a => new { a.RoomId, a.StartsAt });
        builder.HasIndex(a => new { a.ClinicianId, a.StartsAt });
        builder.HasIndex(a => new { a.PatientId, a.StartsAt });
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(a => a.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(a => a.PrescriberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Room>().WithMany().HasForeignKey(a => a.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentCourse>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.ToTable("waitlist_entries");
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Note).HasMaxLength(WaitlistEntry.NoteMaxLength);
        builder.Property(w => w.Version).IsRowVersion();
        builder.HasIndex(w => new { w.Status, w.AddedAt });
        builder.HasIndex(w => w.PatientId).IsUnique().HasFilter("status = 'Waiting'");
        builder.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentCourse>().WithMany().HasForeignKey(w => w.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(w => w.AuditEntityType);
        builder.Ignore(w => w.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.ClinicianId).IsUnique().HasFilter("revoked_at IS NULL");
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(f => f.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(f => f.IsActive);
        builder.Ignore(f => f.AuditEntityType);
        builder.Ignore(f => f.AuditEntityId);
    }
}
