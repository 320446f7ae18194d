using KapClinic.Core.Auditing;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Core.Data;

/// <summary>The one DbContext. Entity configuration lives in one IEntityTypeConfiguration per entity.</summary>
public class KapClinicDbContext(DbContextOptions<KapClinicDbContext> options)
    : IdentityDbContext<ClinicUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KapClinicDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in SQL, and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
