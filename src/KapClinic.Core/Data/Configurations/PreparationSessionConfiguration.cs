using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>preparation_sessions: the clinical fields of a preparation note, one row per clinical_notes row.</summary>
public sealed class PreparationSessionConfiguration : IEntityTypeConfiguration<PreparationSession>
{
    public void Configure(EntityTypeBuilder<PreparationSession> builder)
    {
        builder.ToTable("preparation_sessions", t =>
        {
            t.HasCheckConstraint("ck_preparation_sessions_duration", $"duration_minutes BETWEEN 1 AND {PreparationSession.MaxDurationMinutes}");
            t.HasCheckConstraint("ck_preparation_sessions_rationale", "decision IS NULL OR decision_rationale IS NOT NULL");
        });
        builder.Property(p => p.Intentions).HasMaxLength(NoteLimits.TextMaxLength);
        builder.PrimitiveCollection(p => p.EducationTopics).ElementType(e => e.HasConversion<string>().HasMaxLength(40));
        builder.Property(p => p.MentalStatus).HasMaxLength(NoteLimits.TextMaxLength);
        builder.Property(p => p.SupportPerson).HasMaxLength(PreparationSession.SupportPersonMaxLength);
        builder.Property(p => p.DecisionRationale).HasMaxLength(NoteLimits.TextMaxLength);
        builder.Property(p => p.Data).HasMaxLength(NoteLimits.TextMaxLength);
        builder.Property(p => p.Assessment).HasMaxLength(NoteLimits.TextMaxLength);
        builder.Property(p => p.Plan).HasMaxLength(NoteLimits.TextMaxLength);
        builder.HasOne<ScreeningVersion>().WithMany().HasForeignKey(p => p.ReviewedScreeningId).OnDelete(DeleteBehavior.Restrict);
    }
}
