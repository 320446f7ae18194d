using KapClinic.Core.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>integration_themes: the clinic's list of themes, seeded with <see cref="DefaultIntegrationThemes"/>.</summary>
public sealed class IntegrationThemeConfiguration : IEntityTypeConfiguration<IntegrationTheme>
{
    private static readonly DateTimeOffset Seeded = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<IntegrationTheme> builder)
    {
        builder.ToTable("integration_themes");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(IntegrationTheme.NameMaxLength).IsRequired();
        builder.Property(t => t.NameKey).HasMaxLength(IntegrationTheme.NameMaxLength).IsRequired();
        builder.HasIndex(t => t.NameKey).IsUnique();
        builder.Ignore(t => t.AuditEntityType);
        builder.Ignore(t => t.AuditEntityId);
        builder.HasData(DefaultIntegrationThemes.All.Select(t => new
        {
            t.Id,
            t.Name,
            NameKey = IntegrationTheme.KeyOf(t.Name),
            IsActive = true,
            CreatedAt = Seeded,
        }));
    }
}
