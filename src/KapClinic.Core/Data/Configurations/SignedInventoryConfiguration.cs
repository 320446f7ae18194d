using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>signed_inventories: one row per signed inventory report, append-only (trigger in the SignedInventories migration).</summary>
public sealed class SignedInventoryConfiguration : IEntityTypeConfiguration<SignedInventory>
{
    public void Configure(EntityTypeBuilder<SignedInventory> builder)
    {
        builder.ToTable("signed_inventories", t => t.HasCheckConstraint("ck_signed_inventories_lots", "lot_count >= 0"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SignerName).HasMaxLength(140).IsRequired();
        builder.Property(s => s.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(s => s.AsOf);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(s => s.SignerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.AuditEntityType);
        builder.Ignore(s => s.AuditEntityId);
    }
}
