using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KapClinic.Core.Inventory;

/// <summary>
/// Writes the controlled-substance records: products, receipts, waste, returns, adjustments, corrections, blind
/// counts (a variance opens a discrepancy) and their resolution. Every movement is one ledger row; the database
/// applies it to the lot's balance in the same statement and refuses one that would overdraw.
/// </summary>
public sealed class InventoryService(
    KapClinicDbContext db,
    InventoryWitnesses witnesses,
    IValidator<ProductInput> productValidator,
    IValidator<ReceiveLotInput> receiveValidator,
    IValidator<MovementInput> movementValidator,
    ClinicSettingsService settings,
    TimeProvider clock)
{
    /// <summary>Admins only (checked here as well as by the page).</summary>
    public async Task<Guid> CreateProductAsync(ProductInput input, Guid adminId, CancellationToken cancellationToken = default)
    {
        await EnsureAdminAsync(adminId, cancellationToken);
        await productValidator.ValidateAndThrowAsync(input, cancellationToken);
        if (await db.DrugProducts.AnyAsync(p => p.Ndc == input.Ndc!.Trim(), cancellationToken))
        {
            throw new RuleViolationException("Ndc", "A product with this NDC already exists.");
        }

        var product = new DrugProduct(
            Guid.CreateVersion7(clock.GetUtcNow()), input.Name!, input.Ndc!, input.Drug!.Value, input.Form!.Value, input.Strength!,
            input.MgPerUnit!.Value, input.UnitsPerContainer!.Value, input.ReorderLevelUnits ?? 0);
        db.DrugProducts.Add(product);
        await SaveAsync(cancellationToken);
        return product.Id;
    }

    /// <summary>Records a new lot and its Received entry together. Returns the lot's id.</summary>
    public async Task<Guid> ReceiveLotAsync(Guid productId, ReceiveLotInput input, Guid receivedBy, CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(receivedBy, cancellationToken);
        await receiveValidator.ValidateAndThrowAsync(input, cancellationToken);
        if (!await db.DrugProducts.AnyAsync(p => p.Id == productId && p.IsActive, cancellationToken))
        {
            throw new NotFoundException("That product does not exist.");
        }

        if (input.ReceivedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
        {
            throw new RuleViolationException("ReceivedOn", "The date received cannot be in the future.");
        }

        if (input.ExpiresOn < await settings.TodayAsync(clock, cancellationToken))
        {
            throw new RuleViolationException("ExpiresOn", "This lot has already expired: an expired lot is not received into stock (return or destroy it through the supplier).");
        }

        if (await db.Lots.AnyAsync(l => l.ProductId == productId && l.LotNumber == input.LotNumber!.Trim(), cancellationToken))
        {
            throw new RuleViolationException("LotNumber", "This lot number is already recorded for this product.");
        }

        var now = clock.GetUtcNow();
        var lot = new Lot(
            productId,
            new LotReceipt(input.LotNumber!, input.ExpiresOn!.Value, input.SupplierName!, input.SupplierAddress!, input.SupplierDeaNumber!,
                input.InvoiceNumber!, input.ReceivedOn!.Value, input.Quantity!.Value),
            receivedBy,
            now);
        db.Lots.Add(lot);
        db.LedgerEntries.Add(LedgerEntry.Received(lot, receivedBy, now));
        await SaveAsync(cancellationToken);
        return lot.Id;
    }

    public Task<Guid> WasteAsync(Guid lotId, MovementInput input, Guid recordedBy, CancellationToken cancellationToken = default) =>
        WitnessedAsync(lotId, input, recordedBy, (lot, witness, now) => LedgerEntry.Wasted(lot, input.Quantity!.Value, input.Reason!, witness, recordedBy, now), cancellationToken);

    public Task<Guid> ReturnOrDestroyAsync(Guid lotId, MovementInput input, Guid recordedBy, CancellationToken cancellationToken = default) =>
        WitnessedAsync(lotId, input, recordedBy, (lot, witness, now) => LedgerEntry.ReturnedOrDestroyed(lot, input.Quantity!.Value, input.Reference!, input.Reason, witness, recordedBy, now), cancellationToken);

    /// <summary>Admins only (checked here as well as by the page): a signed change to the balance with a reason and a witness.</summary>
    public async Task<Guid> AdjustAsync(Guid lotId, MovementInput input, Guid adminId, CancellationToken cancellationToken = default)
    {
        await EnsureAdminAsync(adminId, cancellationToken);
        return await WitnessedAsync(lotId, input, adminId, (lot, witness, now) => LedgerEntry.Adjustment(lot, input.Quantity!.Value, input.Reason!, witness, adminId, now), cancellationToken);
    }

    /// <summary>A correcting entry linked to <paramref name="entryId"/> (same lot), with its own reason and witness.</summary>
    public async Task<Guid> CorrectAsync(Guid entryId, MovementInput input, Guid recordedBy, CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(recordedBy, cancellationToken);
        var original = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken)
            ?? throw new NotFoundException("That ledger entry does not exist.");
        var earlier = await db.LedgerEntries.Where(e => e.CorrectsEntryId == entryId && e.Kind == LedgerEntryKind.Correction).SumAsync(e => e.Delta, cancellationToken);
        return await WitnessedAsync(
            original.LotId, input, recordedBy,
            (lot, witness, now) => LedgerEntry.Correction(lot, original, earlier, input.Quantity!.Value, input.Reason!, witness, recordedBy, now), cancellationToken);
    }

    /// <summary>
    /// A blind count: the database reads the expected balance at the moment of the insert; a variance opens a
    /// discrepancy in the same transaction. Returns the count's result (shown only after it is recorded).
    /// </summary>
    public async Task<CountResult> CountAsync(Guid lotId, decimal? countedUnits, Guid countedBy, CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(countedBy, cancellationToken);
        if (countedUnits is not { } counted || counted < 0 || decimal.Round(counted, 2) != counted)
        {
            throw new RuleViolationException("CountedUnits", "Enter what is on the shelf: 0 or more, to at most 2 decimals.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var lot = await LotAsync(lotId, cancellationToken);
            var now = clock.GetUtcNow();
            var count = LedgerEntry.Count(lot, counted, countedBy, now);
            db.LedgerEntries.Add(count);
            await SaveAsync(cancellationToken);
            Discrepancy? discrepancy = null;
            if (count.CountedUnits != count.ExpectedUnits)
            {
                discrepancy = new Discrepancy(count, now);
                db.Discrepancies.Add(discrepancy);
                await SaveAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new CountResult(count.Id, count.ExpectedUnits!.Value, counted, discrepancy?.Id);
        });
    }

    public async Task ResolveDiscrepancyAsync(Guid discrepancyId, string? note, uint version, Guid adminId, CancellationToken cancellationToken = default)
    {
        await EnsureAdminAsync(adminId, cancellationToken);
        if (note?.Length > Discrepancy.NoteMaxLength)
        {
            throw new RuleViolationException("ResolutionNote", $"The note can be at most {Discrepancy.NoteMaxLength} characters.");
        }

        var discrepancy = await db.Discrepancies.SingleOrDefaultAsync(d => d.Id == discrepancyId, cancellationToken)
            ?? throw new NotFoundException("That discrepancy does not exist.");
        db.Entry(discrepancy).Property(d => d.Version).OriginalValue = version;
        discrepancy.Resolve(adminId, note!, clock.GetUtcNow());
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("Someone else resolved or changed this discrepancy a moment ago. Reload to see it.", ex);
        }
    }

    /// <summary>Closes an empty lot: it then takes no more entries (counts included).</summary>
    public async Task CloseLotAsync(Guid lotId, uint version, Guid closedBy, CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(closedBy, cancellationToken);
        var lot = await db.Lots.SingleOrDefaultAsync(l => l.Id == lotId, cancellationToken) ?? throw new NotFoundException("That lot does not exist.");
        if (lot.Balance != 0)
        {
            throw new RuleViolationException($"Lot {lot.LotNumber} still holds {lot.Balance:0.##} units: waste, return or administer them first.");
        }

        db.Entry(lot).Property(l => l.Version).OriginalValue = version;
        lot.Close();
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The lot changed a moment ago (a new entry?). Reload to see it.", ex);
        }
    }

    /// <summary>
    /// Turns the database's refusals into messages for the user (overdraw, closed or expired lot); an overdraw is put
    /// beside <paramref name="overdrawField"/>, the field that set the quantity taken.
    /// </summary>
    internal static Exception Explain(DbUpdateException ex, string overdrawField = "Quantity") => ex.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation, ConstraintName: "ck_inventory_lots_balance_not_negative" } =>
            new RuleViolationException(overdrawField, "That is more than the lot holds now; nothing was recorded. Reload to see the current balance.", ex),
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } pg when pg.MessageText.Contains("closed", StringComparison.Ordinal) =>
            new RuleViolationException("LotId", "This lot is closed and takes no more entries.", ex),
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } pg when pg.MessageText.Contains("expired", StringComparison.Ordinal) =>
            new RuleViolationException("LotId", "This lot has expired: choose another lot.", ex),
        _ => ex,
    };

    private async Task<Guid> WitnessedAsync(Guid lotId, MovementInput input, Guid recordedBy, Func<Lot, Witness, DateTimeOffset, LedgerEntry> make, CancellationToken cancellationToken)
    {
        await EnsureCanManageAsync(recordedBy, cancellationToken);
        await movementValidator.ValidateAndThrowAsync(input, cancellationToken);
        var witness = await witnesses.ConfirmAsync(input.WitnessId, input.WitnessPassword, recordedBy, cancellationToken);
        db.ChangeTracker.Clear();
        var lot = await LotAsync(lotId, cancellationToken);
        var entry = make(lot, witness, clock.GetUtcNow());
        db.LedgerEntries.Add(entry);
        await SaveAsync(cancellationToken);
        return entry.Id;
    }

    private async Task<Lot> LotAsync(Guid lotId, CancellationToken cancellationToken) =>
        await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lotId, cancellationToken) ?? throw new NotFoundException("That lot does not exist.");

    private async Task EnsureAdminAsync(Guid userId, CancellationToken cancellationToken)
    {
        var isAdmin = await db.UserRoles.AnyAsync(r => r.UserId == userId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == ClinicRoles.Admin), cancellationToken);
        if (!isAdmin)
        {
            throw new RuleViolationException("Only an administrator can do this.");
        }
    }

    /// <summary>Inventory is managed by Admins and by Clinicians flagged prescriber (the DEA registrant's side).</summary>
    private async Task EnsureCanManageAsync(Guid userId, CancellationToken cancellationToken)
    {
        var roles = db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, x => x.Id, (_, x) => x.Name);
        var allowed = await db.Users.AnyAsync(
            u => u.Id == userId && !u.IsDisabled && (roles.Contains(ClinicRoles.Admin) || (u.IsPrescriber && roles.Contains(ClinicRoles.Clinician))),
            cancellationToken);
        if (!allowed)
        {
            throw new RuleViolationException("Only an administrator or a prescriber can record inventory.");
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw Explain(ex);
        }
    }
}
