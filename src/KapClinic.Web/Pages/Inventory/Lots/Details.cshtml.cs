using KapClinic.Core.Inventory;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Inventory.Lots;

/// <summary>One lot: its receipt, its balance, its whole ledger, and (for Admins and prescribers) its actions.</summary>
public sealed class DetailsModel(InventoryQueries queries, ClinicTime clinicTime) : PageModel
{
    public LotDetails Lot { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool CanManage => Policies.CanManageInventory(User) && !Lot.Header.IsClosed;

    public async Task OnGetAsync(Guid lotId, CancellationToken cancellationToken)
    {
        Lot = await queries.LotAsync(lotId, cancellationToken);
        Zone = (await clinicTime.SettingsAsync()).TimeZone;
        Today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
    }

    public string Time(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Zone).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
}
