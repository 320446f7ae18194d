using KapClinic.Core.Data.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

public sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(k => new { k.UserId, k.Key }).HasName(IdempotencyClaim.PrimaryKeyName);
        builder.Property(k => k.Path).HasMaxLength(IdempotencyKey.PathMaxLength).IsRequired();
        builder.Property(k => k.Location).HasMaxLength(IdempotencyKey.PathMaxLength);
        builder.HasIndex(k => k.CreatedAt); // pruning
    }
}
