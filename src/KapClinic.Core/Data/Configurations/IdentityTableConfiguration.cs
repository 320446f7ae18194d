using KapClinic.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>Plain table names for Identity's tables instead of "asp_net_*", and the three fixed roles.</summary>
public sealed class IdentityTableConfiguration :
    IEntityTypeConfiguration<IdentityRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>,
    IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    // Fixed ids so the roles can be seeded by migrations and referenced by tests.
    public static readonly IReadOnlyDictionary<string, Guid> RoleIds = new Dictionary<string, Guid>
    {
        [ClinicRoles.Admin] = Guid.Parse("0193a1c0-0000-7000-8000-000000000001"),
        [ClinicRoles.Clinician] = Guid.Parse("0193a1c0-0000-7000-8000-000000000002"),
        [ClinicRoles.Staff] = Guid.Parse("0193a1c0-0000-7000-8000-000000000003"),
    };

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder)
    {
        builder.ToTable("roles");
        builder.HasData(RoleIds.Select(r => new IdentityRole<Guid>
        {
            Id = r.Value,
            Name = r.Key,
            NormalizedName = r.Key.ToUpperInvariant(),
            ConcurrencyStamp = r.Value.ToString("N"),
        }));
    }

    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("role_claims");
}
