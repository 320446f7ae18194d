using KapClinic.Core.Dosing;
using KapClinic.Core.Inventory;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KapClinic.Core.Data.Configurations;

/// <summary>
/// The controlled-substance records: drug_products, inventory_lots (balance kept by the database), inventory_ledger
/// (append-only; triggers in <see cref="InventoryLedgerSql"/>) and inventory_discrepancies. Check constraints repeat
/// the entry rules (sign of the change per kind, witness for waste, returns, adjustments and corrections, never
/// the recorder), so no path around the app writes an entry the app would refuse.
/// </summary>
public sealed class InventoryConfigurations :
    IEntityTypeConfiguration<DrugProduct>,
    IEntityTypeConfiguration<Lot>,
    IEntityTypeConfiguration<LedgerEntry>,
    IEntityTypeConfiguration<Discrepancy>
{
    public void Configure(EntityTypeBuilder<DrugProduct> builder)
    {
        builder.ToTable("drug_products", t => t.HasCheckConstraint("ck_drug_products_units", "mg_per_unit > 0 AND units_per_container > 0 AND reorder_level_units >= 0"));
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(DrugProduct.NameMaxLength).IsRequired();
        builder.Property(p => p.Ndc).HasMaxLength(DrugProduct.NdcMaxLength).IsRequired();
        builder.Property(p => p.Strength).HasMaxLength(DrugProduct.StrengthMaxLength).IsRequired();
        builder.Property(p => p.Drug).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Form).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.MgPerUnit).HasPrecision(10, 3);
        builder.Property(p => p.UnitsPerContainer).HasPrecision(10, 2);
        builder.Property(p => p.ReorderLevelUnits).HasPrecision(10, 2);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => p.Ndc).IsUnique();
        builder.Ignore(p => p.UnitName);
        builder.Ignore(p => p.AuditEntityType);
        builder.Ignore(p => p.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<Lot> builder)
    {
        builder.ToTable("inventory_lots", t =>
        {
            t.HasCheckConstraint("ck_inventory_lots_balance_not_negative", "balance >= 0");
            t.HasCheckConstraint("ck_inventory_lots_quantity", "quantity_received > 0");
        });
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.LotNumber).HasMaxLength(Lot.LotNumberMaxLength).IsRequired();
        builder.Property(l => l.SupplierName).HasMaxLength(Lot.SupplierNameMaxLength).IsRequired();
        builder.Property(l => l.SupplierAddress).HasMaxLength(Lot.SupplierAddressMaxLength).IsRequired();
        builder.Property(l => l.SupplierDeaNumber).HasMaxLength(Lot.DeaNumberMaxLength).IsRequired();
        builder.Property(l => l.InvoiceNumber).HasMaxLength(Lot.InvoiceMaxLength).IsRequired();
        builder.Property(l => l.QuantityReceived).HasPrecision(10, 2);

        // Written only by the ledger trigger: EF never sends it, and reads it back after every save.
        var balance = builder.Property(l => l.Balance).HasPrecision(10, 2).HasDefaultValue(0m).ValueGeneratedOnAddOrUpdate().Metadata;
        balance.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        balance.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasIndex(l => new { l.ProductId, l.LotNumber }).IsUnique();
        builder.HasIndex(l => l.ExpiresOn).HasFilter("NOT is_closed");
        builder.HasOne<DrugProduct>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(l => l.ReceivedBy).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.AuditEntityType);
        builder.Ignore(l => l.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("inventory_ledger", t =>
        {
            t.HasCheckConstraint(
                "ck_inventory_ledger_delta",
                "(kind = 'Received' AND delta > 0) OR (kind IN ('Administered', 'Wasted', 'ReturnedOrDestroyed') AND delta < 0)"
                + " OR (kind IN ('Adjustment', 'Correction') AND delta <> 0) OR (kind = 'Count' AND delta = 0 AND counted_units >= 0 AND expected_units IS NOT NULL)");
            t.HasCheckConstraint(
                "ck_inventory_ledger_witness",
                "kind NOT IN ('Wasted', 'ReturnedOrDestroyed', 'Adjustment', 'Correction') OR (witness_id IS NOT NULL AND witness_id <> recorded_by)");
            t.HasCheckConstraint(
                "ck_inventory_ledger_details",
                "(kind NOT IN ('Wasted', 'Adjustment', 'Correction') OR btrim(reason) <> '')"
                + " AND (kind <> 'ReturnedOrDestroyed' OR btrim(reference) <> '')"
                + " AND (kind <> 'Administered' OR (patient_id IS NOT NULL AND administration_id IS NOT NULL))"
                + " AND ((kind = 'Correction') = (corrects_entry_id IS NOT NULL))");
            t.HasCheckConstraint("ck_inventory_ledger_balance", "balance_after >= 0");
        });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Delta).HasPrecision(10, 2);
        builder.Property(e => e.CountedUnits).HasPrecision(10, 2);

        // Set by the inventory_ledger_apply trigger and read back (RETURNING).
        builder.Property(e => e.BalanceAfter).HasPrecision(10, 2).ValueGeneratedOnAdd();
        builder.Property(e => e.ExpectedUnits).HasPrecision(10, 2).ValueGeneratedOnAdd();
        builder.Property(e => e.Reason).HasMaxLength(LedgerEntry.ReasonMaxLength);
        builder.Property(e => e.Reference).HasMaxLength(LedgerEntry.ReferenceMaxLength);
        builder.HasIndex(e => new { e.LotId, e.RecordedAt });
        builder.HasIndex(e => new { e.ProductId, e.RecordedAt });
        builder.HasIndex(e => e.AdministrationId).IsUnique().HasFilter("administration_id IS NOT NULL AND kind = 'Administered'");
        builder.HasOne<Lot>().WithMany().HasForeignKey(e => e.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DrugProduct>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(e => e.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(e => e.WitnessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DosingSession>().WithMany().HasForeignKey(e => e.DosingSessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DoseAdministration>().WithMany().HasForeignKey(e => e.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(e => e.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.Quantity);
        builder.Ignore(e => e.AuditEntityType);
        builder.Ignore(e => e.AuditEntityId);
    }

    public void Configure(EntityTypeBuilder<Discrepancy> builder)
    {
        builder.ToTable("inventory_discrepancies", t => t.HasCheckConstraint(
            "ck_inventory_discrepancies_resolution",
            "(resolved_at IS NULL AND resolved_by IS NULL AND resolution_note IS NULL) OR (resolved_at IS NOT NULL AND resolved_by IS NOT NULL AND btrim(resolution_note) <> '')"));
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ExpectedUnits).HasPrecision(10, 2);
        builder.Property(d => d.CountedUnits).HasPrecision(10, 2);
        builder.Property(d => d.ResolutionNote).HasMaxLength(Discrepancy.NoteMaxLength);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasIndex(d => d.CountEntryId).IsUnique();
        builder.HasIndex(d => d.OpenedAt).HasFilter("resolved_at IS NULL").HasDatabaseName("ix_inventory_discrepancies_open");
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(d => d.CountEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lot>().WithMany().HasForeignKey(d => d.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DrugProduct>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClinicUser>().WithMany().HasForeignKey(d => d.ResolvedBy).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.Variance);
        builder.Ignore(d => d.IsLoss);
        builder.Ignore(d => d.IsOpen);
        builder.Ignore(d => d.AuditEntityType);
        builder.Ignore(d => d.AuditEntityId);
    }
}
