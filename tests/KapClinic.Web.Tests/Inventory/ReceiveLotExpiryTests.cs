using KapClinic.Core.Common;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Inventory;

/// <summary>A lot that has already expired (by the clinic's date) is not received; one expiring today is.</summary>
public sealed class ReceiveLotExpiryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_lot_that_expired_yesterday_in_the_clinic_is_refused_beside_its_expiry_and_one_expiring_today_is_received()
    {
        var prescriber = await TestUsers.CreateAsync(App, ClinicRoles.Clinician, prescriber: true);
        var productId = await InventoryData.ProductAsync(App);
        DateOnly today;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            today = await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().TodayAsync(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => InventoryData.LotAsync(App, productId, 10m, prescriber, expiresOn: today.AddDays(-1)));
        var lotId = await InventoryData.LotAsync(App, productId, 10m, prescriber, expiresOn: today);

        Assert.Equal("ExpiresOn", refusal.Field);
        Assert.Contains("expired", refusal.Message, StringComparison.Ordinal);
        Assert.Equal((10m, 1), await InventoryData.StateAsync(App, lotId));
    }
}
