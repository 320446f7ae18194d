using KapClinic.Core.Common;
using KapClinic.Core.Inventory;

namespace KapClinic.Core.Tests.Inventory;

/// <summary>A lot is good through its expiry date in the clinic's time zone, whatever the UTC date is then.</summary>
public sealed class LotExpiryTests
{
    private static readonly DateTimeOffset EveningInNewYork = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero); // 22:00 on 28 Nov in New York

    [Fact]
    public void A_dose_on_the_evening_of_the_expiry_day_is_accepted_although_utc_is_already_on_the_next_day()
    {
        var lot = LotExpiring(new DateOnly(2026, 11, 28));

        var entry = LedgerEntry.Administered(lot, 0.7m, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), EveningInNewYork, new DateOnly(2026, 11, 28));

        Assert.Equal(-0.7m, entry.Delta);
    }

    [Fact]
    public void A_dose_the_day_after_the_expiry_date_is_refused_with_the_lot_named()
    {
        var lot = LotExpiring(new DateOnly(2026, 11, 28));

        var refusal = Assert.Throws<RuleViolationException>(() =>
            LedgerEntry.Administered(lot, 0.7m, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), EveningInNewYork.AddDays(1), new DateOnly(2026, 11, 29)));

        Assert.Equal("LotId", refusal.Field);
        Assert.Contains("KET-EXP-1 expired on 2026-11-28", refusal.Message, StringComparison.Ordinal);
    }

    private static Lot LotExpiring(DateOnly expiresOn) => new(
        Guid.NewGuid(),
        new LotReceipt("KET-EXP-1", expiresOn, "Cardinal Health", "7000 Cardinal Pl, Dublin, OH", "RC0183462", "INV-1", new DateOnly(2026, 1, 5), 10m),
        Guid.NewGuid(),
        new DateTimeOffset(2026, 1, 5, 15, 0, 0, TimeSpan.Zero));
}
