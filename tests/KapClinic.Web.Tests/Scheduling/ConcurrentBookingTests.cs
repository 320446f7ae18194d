using System.Net;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>
/// Twenty people booking the same slot at the same moment, through the real page: PostgreSQL's exclusion constraints
/// let exactly one through and every other request gets the conflict explained (never a 500).
/// </summary>
public sealed class ConcurrentBookingTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private const int Parallel = 20;
    private const string NewUrl = "/Schedule/Appointments/New";
    private static readonly DateOnly Day = new(2027, 2, 17); // a Wednesday

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Twenty_parallel_bookings_of_one_room_and_slot_leave_exactly_one_and_explain_the_rest()
    {
        var room = await RoomAsync(App, "Dosing room Race");
        var people = await PeopleAsync();

        var outcomes = await BookInParallelAsync(i => BookingFields(people[i].Patient, people[i].Clinician, room, Day, "10:00", "11:00"));

        AssertOneBookedRestExplained(outcomes, "Dosing room Race is already booked from 10:00 to 11:00 on Wed 17 Feb 2027");
        Assert.Equal(1, await WithDbAsync(App, db => db.Appointments.CountAsync(a => a.RoomId == room)));
    }

    [Fact]
    public async Task Twenty_parallel_bookings_of_one_clinician_leave_exactly_one()
    {
        var clinician = await ClinicianAsync(App, "Dr Only One");
        var people = await PeopleAsync(withClinicians: false);

        var outcomes = await BookInParallelAsync(i => BookingFields(people[i].Patient, clinician, null, Day, "13:00", "13:30"));

        AssertOneBookedRestExplained(outcomes, "Dr Only One is already booked from 13:00 to 13:30 on Wed 17 Feb 2027");
        Assert.Equal(1, await WithDbAsync(App, db => db.Appointments.CountAsync(a => a.ClinicianId == clinician)));
    }

    [Fact]
    public async Task Twenty_parallel_bookings_of_one_patient_leave_exactly_one()
    {
        var patient = await PatientAsync(App, "Solo", "Patient");
        var people = await PeopleAsync(withPatients: false);

        var outcomes = await BookInParallelAsync(i => BookingFields(patient, people[i].Clinician, null, Day, "15:00", "16:00"));

        AssertOneBookedRestExplained(outcomes, "The patient already has a consult from 15:00 to 16:00 on Wed 17 Feb 2027");
        Assert.Single(await AppointmentsOfAsync(App, patient));
    }

    private static void AssertOneBookedRestExplained(List<(HttpStatusCode Status, string Body)> outcomes, string explanation)
    {
        Assert.All(outcomes, o => Assert.True(o.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Unexpected {o.Status}"));
        Assert.Single(outcomes, o => o.Status == HttpStatusCode.Redirect);
        var refused = outcomes.Where(o => o.Status == HttpStatusCode.OK).ToList();
        Assert.Equal(Parallel - 1, refused.Count);
        Assert.All(refused, o =>
        {
            Assert.Contains("That time is already taken, so nothing was booked.", o.Body, StringComparison.Ordinal);
            Assert.Contains(explanation, o.Body, StringComparison.Ordinal);
        });
    }

    private async Task<List<(HttpStatusCode Status, string Body)>> BookInParallelAsync(Func<int, List<KeyValuePair<string, string>>> fields)
    {
        var (staff, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);
        var token = await HtmlForms.AntiforgeryTokenAsync(staff, NewUrl);
        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async i =>
        {
            using var content = new FormUrlEncodedContent(fields(i).Append(new("__RequestVerificationToken", token)));
            var response = await staff.PostAsync(NewUrl, content);
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }));
        return [.. responses];
    }

    private async Task<List<(Guid Patient, Guid Clinician)>> PeopleAsync(bool withPatients = true, bool withClinicians = true)
    {
        var people = new List<(Guid, Guid)>();
        for (var i = 0; i < Parallel; i++)
        {
            people.Add((
                withPatients ? await PatientAsync(App, "Racer", $"Number{i}") : Guid.Empty,
                withClinicians ? await ClinicianAsync(App) : Guid.Empty));
        }

        return people;
    }
}
