using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Dashboard;

public sealed class DashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_clinician_sees_only_their_own_appointments_today_and_the_front_desk_sees_the_clinic()
    {
        var (clinician, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var otherClinician = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var mine = await TestPatients.CreateAsync(App, TestPatients.Details("Ottilie", "Mineshaft"));
        var theirs = await TestPatients.CreateAsync(App, TestPatients.Details("Bartholomew", "Otherwise"));
        await BookTodayAsync(mine, clinicianId, new TimeOnly(12, 0));
        await BookTodayAsync(theirs, otherClinician, new TimeOnly(13, 0));

        var clinicianDashboard = await clinician.GetStringAsync("/");
        var staffDashboard = await staff.GetStringAsync("/");

        Assert.Contains("Your day", clinicianDashboard, StringComparison.Ordinal);
        Assert.Contains("Mineshaft", clinicianDashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Otherwise", clinicianDashboard, StringComparison.Ordinal);
        Assert.Contains("Today in the clinic", staffDashboard, StringComparison.Ordinal);
        Assert.Contains("Mineshaft", staffDashboard, StringComparison.Ordinal);
        Assert.Contains("Otherwise", staffDashboard, StringComparison.Ordinal);
    }

    private async Task BookTodayAsync(Guid patientId, Guid clinicianId, TimeOnly localTime)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, settings.TimeZone).DateTime);
        var start = ClinicDayWindow.ToUtc(today, localTime, settings.TimeZone);
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        db.Appointments.Add(new Appointment(patientId, AppointmentType.Consult, clinicianId, null, null, start, start.AddMinutes(30), null, clinicianId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
