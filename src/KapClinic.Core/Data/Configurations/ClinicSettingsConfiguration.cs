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
        builder.ComplexProperty(s => s.Dosing, d =>
        {
            var defaults = Dosing.DosingThresholds.Defaults;
            d.Property(t => t.FlagSystolic).HasDefaultValue(defaults.FlagSystolic).HasSentinel(0);
            d.Property(t => t.FlagDiastolic).HasDefaultValue(defaults.FlagDiastolic).HasSentinel(0);
            d.Property(t => t.HoldSystolic).HasDefaultValue(defaults.HoldSystolic).HasSentinel(0);
            d.Property(t => t.HoldDiastolic).HasDefaultValue(defaults.HoldDiastolic).HasSentinel(0);
            d.Property(t => t.HoldHeartRateAbove).HasDefaultValue(defaults.HoldHeartRateAbove).HasSentinel(0);
            d.Property(t => t.HoldSpO2Below).HasDefaultValue(defaults.HoldSpO2Below).HasSentinel(0);
            d.Property(t => t.AlertSystolicAbove).HasDefaultValue(defaults.AlertSystolicAbove).HasSentinel(0);
            d.Property(t => t.AlertDiastolicAbove).HasDefaultValue(defaults.AlertDiastolicAbove).HasSentinel(0);
            d.Property(t => t.AlertHeartRateAbove).HasDefaultValue(defaults.AlertHeartRateAbove).HasSentinel(0);
            d.Property(t => t.AlertSpO2Below).HasDefaultValue(defaults.AlertSpO2Below).HasSentinel(0);
            d.Property(t => t.PostInfusionIntervalMinutes).HasDefaultValue(defaults.PostInfusionIntervalMinutes).HasSentinel(0);
            d.Property(t => t.EsketamineMinimumMonitoringMinutes).HasDefaultValue(defaults.EsketamineMinimumMonitoringMinutes).HasSentinel(0);
        });
        builder.Ignore(s => s.TimeZone);
        builder.Ignore(s => s.AuditEntityType);
        builder.Ignore(s => s.AuditEntityId);
    }
}
