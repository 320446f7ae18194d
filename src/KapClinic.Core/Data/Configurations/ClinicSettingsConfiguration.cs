using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

public sealed class ClinicSettingsConfiguration : IEntityTypeConfiguration<ClinicSettings>
{
    public void Configure(EntityTypeBuilder<ClinicSettings> builder)
    {
        builder.ToTable("clinic_settings", t => t.HasCheckConstraint("ck_clinic_settings_single_row", "id = 1"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ClinicName).HasMaxLength(ClinicSettings.ClinicNameMaxLength).IsRequired();
        builder.Property(s => s.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.ConsentValidityMonths).HasDefaultValue(12).HasSentinel(0);
        builder.Property(s => s.MinimumPatientAgeYears).HasDefaultValue(18).HasSentinel(-1);
        builder.Property(s => s.DraftOverdueHours).HasDefaultValue(ClinicSettings.DefaultDraftOverdueHours).HasSentinel(0);
        builder.Ignore(s => s.TimeZone);
        builder.Ignore(s => s.AuditEntityType);
        builder.Ignore(s => s.AuditEntityId);
    }
}
