using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Tests.Scheduling;

public sealed class BookingWarningsTests
{
    private static readonly BookingActor Staff = new(Guid.NewGuid(), IsAdmin: false);
    private static readonly BookingActor Admin = new(Guid.NewGuid(), IsAdmin: true);

    [Fact]
    public void Staff_cannot_confirm_outside_hours_even_when_they_tick_the_box()
    {
        var failure = Assert.Single(BookingWarnings.Unconfirmed("Dr A does not work on Sundays.", false, "Sun", Staff, true, false));

        Assert.Equal("StartTime", failure.PropertyName);
        Assert.Contains("ask an Admin", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_is_asked_to_tick_the_box_and_may_then_book()
    {
        var failure = Assert.Single(BookingWarnings.Unconfirmed("Dr A does not work on Sundays.", false, "Sun", Admin, false, false));
        Assert.Equal(BookingWarnings.OutsideHoursField, failure.PropertyName);

        Assert.Empty(BookingWarnings.Unconfirmed("Dr A does not work on Sundays.", false, "Sun", Admin, true, false));
    }

    [Fact]
    public void A_past_time_is_allowed_only_as_an_admins_confirmed_back_entry()
    {
        Assert.Equal("StartTime", Assert.Single(BookingWarnings.Unconfirmed(null, true, "Mon 1 Mar", Staff, false, true)).PropertyName);
        Assert.Equal(BookingWarnings.PastTimeField, Assert.Single(BookingWarnings.Unconfirmed(null, true, "Mon 1 Mar", Admin, false, false)).PropertyName);
        Assert.Empty(BookingWarnings.Unconfirmed(null, true, "Mon 1 Mar", Admin, false, true));
    }
}
