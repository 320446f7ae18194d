using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

public sealed class ClinicUserConfiguration : IEntityTypeConfiguration<ClinicUser>
{
    public void Configure(EntityTypeBuilder<ClinicUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(ClinicUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.Credentials).HasMaxLength(ClinicUser.CredentialsMaxLength);
        builder.Ignore(u => u.SignatureName);
        builder.Ignore(u => u.AuditEntityType);
        builder.Ignore(u => u.AuditEntityId);

        // One account per email: the sign-in name.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}
