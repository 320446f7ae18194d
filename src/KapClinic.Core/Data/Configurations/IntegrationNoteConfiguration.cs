using KapClinic.Core.Integration;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>
/// integration_notes: the clinical fields of an integration note, one row per clinical_notes row; and its
/// homework rows (integration_homework_items), locked with the note once it is signed (see <see cref="ClinicalNotesLocked"/>).
/// </summary>
public sealed class IntegrationNoteConfiguration : IEntityTypeConfiguration<IntegrationNote>, IEntityTypeConfiguration<HomeworkItem>
{
    public void Configure(EntityTypeBuilder<IntegrationNote> builder)
    {
        builder.ToTable("integration_notes", t =>
        {
            t.HasCheckConstraint("ck_integration_notes_duration", $"duration_minutes BETWEEN 1 AND {IntegrationNote.MaxDurationMinutes}");
            t.HasCheckConstraint("ck_integration_notes_format", "(format = 'Dap' AND subjective IS NULL AND objective IS NULL) OR (format = 'Soap' AND data IS NULL)");
            t.HasCheckConstraint(
                "ck_integration_notes_risk",
                "(risk_method IS NULL AND risk_level IS NULL AND risk_measure_id IS NULL)"
                + " OR (risk_method = 'CssrsScreener' AND risk_level IS NOT NULL AND risk_measure_id IS NOT NULL)"
                + " OR (risk_method = 'ClinicianJudgement' AND risk_measure_id IS NULL)");
        });
        foreach (var text in new[] { "Subjective", "Objective", "Data", "Assessment", "Plan", "Insights", "GoalsAndProgress", "RiskNote" })
        {
            builder.Property(text).HasMaxLength(NoteLimits.TextMaxLength);
        }

        builder.PrimitiveCollection(n => n.Themes).ElementType(e => e.HasMaxLength(IntegrationTheme.NameMaxLength));
        builder.PrimitiveCollection(n => n.Approaches).ElementType(e => e.HasConversion<string>().HasMaxLength(40));
        builder.Property(n => n.OtherApproach).HasMaxLength(IntegrationContentRules.OtherApproachMaxLength);
        builder.HasOne<MeasureResponse>().WithMany().HasForeignKey(n => n.RiskMeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dosing.DosingSession>().WithMany().HasForeignKey(n => n.FollowsDosingSessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Homework).WithOne().HasForeignKey(i => i.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Homework).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(n => n.HasRiskAlert);
    }

    public void Configure(EntityTypeBuilder<HomeworkItem> builder)
    {
        builder.ToTable("integration_homework_items", t =>
            t.HasCheckConstraint("ck_integration_homework_items_position", "position >= 0"));
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Text).HasMaxLength(HomeworkItem.TextMaxLength).IsRequired();
        builder.HasIndex(i => new { i.NoteId, i.Position });
        builder.HasIndex(i => new { i.NoteId, i.CarriedFromItemId }).IsUnique().HasFilter("carried_from_item_id IS NOT NULL");
        builder.HasOne<HomeworkItem>().WithMany().HasForeignKey(i => i.CarriedFromItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patients.Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(i => i.IsCarriedForward);
        builder.Ignore(i => i.IsOutstanding);
        builder.Ignore(i => i.AuditEntityType);
        builder.Ignore(i => i.AuditEntityId);
    }
}
