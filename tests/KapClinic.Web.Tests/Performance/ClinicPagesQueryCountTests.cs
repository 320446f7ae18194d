using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Patients;
using TestPatients = KapClinic.TestSupport.TestPatients;
using KapClinic.Web.Tests.Preparation;
using KapClinic.Web.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Performance;

/// <summary>
/// The course page, the schedule's day and the dashboard send as many SQL commands for 3 listed rows as for 30
/// (no N+1). Counted with <see cref="SqlCountingFixture"/>.
/// </summary>
public sealed class ClinicPagesQueryCountTests(SqlCountingFixture fixture) : IClassFixture<SqlCountingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_course_page_costs_the_same_commands_for_3_and_for_30_preparation_sessions()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var few = await CourseWithSessionsAsync(clinicianId, 3);
        var many = await CourseWithSessionsAsync(clinicianId, 30);
        await QueryCounts.ForGetAsync(fixture.Counter, client, few); // warm up

        var fewCommands = await QueryCounts.ForGetAsync(fixture.Counter, client, few);
        var manyCommands = await QueryCounts.ForGetAsync(fixture.Counter, client, many);

        Assert.Equal(fewCommands, manyCommands);
        Assert.InRange(manyCommands, 3, 9);
    }

    [Fact]
    public async Task The_schedule_day_and_the_dashboard_cost_the_same_commands_for_3_and_for_30_appointments()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var today = await ClinicTodayAsync();
        var day = $"/Schedule?date={today:yyyy-MM-dd}&by=clinician";
        await BookAsync(clinicianId, today, 0, 3);
        await QueryCounts.ForGetAsync(fixture.Counter, client, day); // warm up
        await QueryCounts.ForGetAsync(fixture.Counter, client, "/");
        var fewDay = await QueryCounts.ForGetAsync(fixture.Counter, client, day);
        var fewDashboard = await QueryCounts.ForGetAsync(fixture.Counter, client, "/");

        await BookAsync(clinicianId, today, 3, 27);
        var manyDay = await QueryCounts.ForGetAsync(fixture.Counter, client, day);
        var manyDashboard = await QueryCounts.ForGetAsync(fixture.Counter, client, "/");

        Assert.Equal(fewDay, manyDay);
        Assert.Equal(fewDashboard, manyDashboard);
        Assert.InRange(manyDay, 2, 7);
        Assert.InRange(manyDashboard, 3, 9);
    }

    private async Task<string> CourseWithSessionsAsync(Guid clinicianId, int sessions)
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        for (var i = 0; i < sessions; i++)
        {
            await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, occurredAt: DateTimeOffset.UtcNow.AddDays(-40 + i));
        }

        return $"/Patients/{patientId}/Courses/{courseId}";
    }

    // Back to back, 15 minutes each from 06:00, each with a patient of its own: no booking conflicts.
    private async Task BookAsync(Guid clinicianId, DateOnly day, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            var patientId = await TestPatients.CreateAsync(App, TestPatients.Details("Booked", $"Person{i:00}"));
            var start = ScheduleSeed.At(day, 6).AddMinutes(15 * i);
            await ScheduleSeed.AppointmentAsync(App, patientId, clinicianId, null, start, TimeSpan.FromMinutes(15), AppointmentType.Consult);
        }
    }

    private async Task<DateOnly> ClinicTodayAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync();
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, settings.TimeZone).DateTime);
    }
}
