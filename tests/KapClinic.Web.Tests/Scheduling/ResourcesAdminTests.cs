using System.Globalization;
using System.Net;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Scheduling.SchedulingSeed;

namespace KapClinic.Web.Tests.Scheduling;

/// <summary>Rooms and clinicians' hours, managed by Admins.</summary>
public sealed class ResourcesAdminTests(SchedulingFixture fixture) : IClassFixture<SchedulingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task An_admin_adds_renames_and_retires_a_room_and_a_duplicate_name_is_refused()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var added = await HtmlForms.PostAsync(admin, "/Schedule/Rooms", [new("NewRoom.Name", " Chair 7 "), new("NewRoom.Kind", "InfusionChair")], "/Schedule/Rooms?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var room = await WithDbAsync(App, db => db.Rooms.AsNoTracking().SingleAsync(r => r.Name == "Chair 7"));
        Assert.Equal(RoomKind.InfusionChair, room.Kind);

        var duplicate = await HtmlForms.PostAsync(admin, "/Schedule/Rooms", [new("NewRoom.Name", "Chair 7"), new("NewRoom.Kind", "DosingRoom")], "/Schedule/Rooms?handler=Add");
        Assert.Contains("A room called \"Chair 7\" already exists; choose another name.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var renamed = await HtmlForms.PostAsync(admin, "/Schedule/Rooms",
            [new("Edit.Name", "Infusion chair 7"), new("Edit.Kind", "InfusionChair"), new("Edit.Version", room.Version.ToString(CultureInfo.InvariantCulture))],
            $"/Schedule/Rooms?handler=Save&id={room.Id}");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var version = await WithDbAsync(App, db => db.Rooms.Where(r => r.Id == room.Id).Select(r => r.Version).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(admin, "/Schedule/Rooms", [new("version", version.ToString(CultureInfo.InvariantCulture))], $"/Schedule/Rooms?handler=Retire&id={room.Id}")).StatusCode);
        var saved = await WithDbAsync(App, db => db.Rooms.AsNoTracking().SingleAsync(r => r.Id == room.Id));
        Assert.Equal(("Infusion chair 7", false), (saved.Name, saved.IsActive));
    }

    [Fact]
    public async Task A_room_with_appointments_ahead_cannot_be_retired()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var room = await RoomAsync(App, "Dosing room Kept");
        var day = new DateOnly(2027, 2, 22);
        await AppointmentAsync(App, await PatientAsync(App), await ClinicianAsync(App), room, At(day, 9), At(day, 11), AppointmentType.Dosing);
        var version = await WithDbAsync(App, db => db.Rooms.Where(r => r.Id == room).Select(r => r.Version).SingleAsync());

        var response = await HtmlForms.PostAsync(admin, "/Schedule/Rooms", [new("version", version.ToString(CultureInfo.InvariantCulture))], $"/Schedule/Rooms?handler=Retire&id={room}");

        Assert.Contains("Dosing room Kept has 1 appointment booked ahead. Move it to another room before retiring it.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await WithDbAsync(App, db => db.Rooms.Where(r => r.Id == room).Select(r => r.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task An_admin_sets_weekly_hours_and_time_off_and_overlapping_hours_are_refused()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var clinician = await ClinicianAsync(App, "Dr Hours");
        var url = $"/Schedule/Hours?clinicianId={clinician}";
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
        Assert.Contains("No hours set yet: the clinic's usual hours apply", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.PostAsync(admin, url, [new("Block.Day", "Monday"), new("Block.Start", "09:00"), new("Block.End", "13:00")], $"/Schedule/Hours?handler=AddHours&clinicianId={clinician}")).StatusCode);
        var overlap = await HtmlForms.PostAsync(admin, url, [new("Block.Day", "Monday"), new("Block.Start", "12:00"), new("Block.End", "15:00")], $"/Schedule/Hours?handler=AddHours&clinicianId={clinician}");
        Assert.Contains("These hours overlap 09:00–13:00 on Mondays", WebUtility.HtmlDecode(await overlap.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var backwards = await HtmlForms.PostAsync(admin, url, [new("Block.Day", "Tuesday"), new("Block.Start", "15:00"), new("Block.End", "14:00")], $"/Schedule/Hours?handler=AddHours&clinicianId={clinician}");
        Assert.Contains("The end must be after the start, on the same day.", WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var day = new DateOnly(2027, 3, 1);
        await AppointmentAsync(App, await PatientAsync(App), clinician, null, At(day, 10), At(day, 11));
        var leave = await HtmlForms.PostAsync(admin, url, [new("Leave.FirstDay", Iso(day)), new("Leave.LastDay", Iso(day.AddDays(4))), new("Leave.Reason", "annual leave")], $"/Schedule/Hours?handler=AddTimeOff&clinicianId={clinician}");
        Assert.Equal(HttpStatusCode.Redirect, leave.StatusCode);
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
        Assert.Contains("1 appointment is booked with this clinician on those days: move or cancel it.", after, StringComparison.Ordinal);
        Assert.Contains("Mon 1 Mar 2027 – Fri 5 Mar 2027", after, StringComparison.Ordinal);
        Assert.Contains("09:00–13:00", after, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(App, db => db.WorkingHours.CountAsync(w => w.ClinicianId == clinician)));
    }
}
