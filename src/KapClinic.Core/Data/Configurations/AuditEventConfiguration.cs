using KapClinic.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.ActionMaxLength).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEvent.EntityTypeMaxLength);
        builder.Property(e => e.RemoteIp).HasMaxLength(AuditEvent.RemoteIpMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEvent.DetailMaxLength);

        // The audit screens ask "what happened to this patient / by this user / lately".
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.PatientId, e.OccurredAt }).HasFilter("patient_id IS NOT NULL");
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });

        // The audit log report finds actions by their beginning (action LIKE 'Patient.%'): pattern operators make
        // the prefix usable whatever the database's collation.
        builder.HasIndex(e => new { e.Action, e.OccurredAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops");
    }
}
