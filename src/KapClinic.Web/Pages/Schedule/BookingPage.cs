using System.Globalization;
using System.Security.Claims;
using KapClinic.Core.Scheduling;
using KapClinic.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Schedule;

/// <summary>What the booking pages share: who is acting, whether they are an Admin, and the free-slot buttons' values.</summary>
public abstract class BookingPage(IAuthorizationService authorization) : PageModel
{
    /// <summary>Set after a refused booking: who or what is busy, in words.</summary>
    public IReadOnlyList<string> ConflictReasons { get; protected set; } = [];

    /// <summary>Set after a refused booking: the next free times for the same people and room.</summary>
    public IReadOnlyList<FreeSlot> FreeSlots { get; protected set; } = [];

    public bool IsAdmin { get; private set; }

    public bool CanBook { get; private set; }

    protected Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    protected BookingActor Actor => new(UserId, IsAdmin);

    /// <summary>A free slot as a button value: its UTC start and end.</summary>
    public static string SlotValue(FreeSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return $"{slot.StartsAt.UtcTicks}-{slot.EndsAt.UtcTicks}";
    }

    public static FreeSlot? ParseSlot(string? value)
    {
        var parts = value?.Split('-');
        return parts is [var start, var end]
            && long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && long.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var e)
            && s > DateTimeOffset.MinValue.UtcTicks && e > s && e < DateTimeOffset.MaxValue.UtcTicks
            ? new FreeSlot(new DateTimeOffset(s, TimeSpan.Zero), new DateTimeOffset(e, TimeSpan.Zero))
            : null;
    }

    protected async Task LoadRolesAsync()
    {
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        CanBook = (await authorization.AuthorizeAsync(User, Policies.ScheduleBooking)).Succeeded;
    }

    protected void ShowConflict(BookingConflictException conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        ConflictReasons = conflict.Reasons;
        FreeSlots = conflict.NextFreeSlots;
    }

    /// <summary>Whether the Admin-only confirmation box under <paramref name="key"/> should show: it was asked for, or is ticked.</summary>
    protected bool ShowConfirmation(string key, bool ticked) =>
        IsAdmin && (ticked || (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0));
}
