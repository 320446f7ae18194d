using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using static KapClinic.Web.Tests.Dosing.DosingServiceData;

namespace KapClinic.Web.Tests.Dosing;

/// <summary>AdministerAsync: a reason per hold, the protocol's route, and "given by" an active clinician.</summary>
public sealed class DoseOverrideServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_reason_for_one_hold_does_not_override_another_and_the_password_is_not_even_checked()
    {
        var course = await CourseAsync(App, ready: false);
        var sessionId = await PreparedAsync(App, course, systolic: 165, diastolic: 95);
        var input = await DoseAsync(App, course, sessionId);
        input.OverrideReasons[DosingGate.BloodPressureHold] = "Usual BP; rechecked after rest.";
        input.PrescriberPassword = "not-the-password-1";

        var refusal = await Assert.ThrowsAsync<DosingGateException>(() => AdministerAsync(App, course, sessionId, input));

        Assert.Equal([DosingGate.NotReadyToDose, DosingGate.BloodPressureHold], refusal.Holds.Select(h => h.Gate));
        Assert.Equal(DosingGate.NotReadyToDose, Assert.Single(refusal.Unreasoned).Gate);
        var session = await LoadAsync(App, sessionId);
        Assert.Empty(session.Administrations);
        Assert.Empty(session.Overrides);
        Assert.Equal(0, await AuditCountAsync(sessionId, AuditActions.DosingOverrideRefused));
    }

    [Fact]
    public async Task Each_hold_overridden_keeps_its_own_reason_and_audit()
    {
        var course = await CourseAsync(App, ready: false);
        var sessionId = await PreparedAsync(App, course, systolic: 165, diastolic: 95);
        var input = await DoseAsync(App, course, sessionId);
        input.OverrideReasons[DosingGate.NotReadyToDose] = "Consent signed on paper today; scan follows.";
        input.OverrideReasons[DosingGate.BloodPressureHold] = "Usual BP; rechecked after rest.";

        await AdministerAsync(App, course, sessionId, input, course.PrescriberId);

        var session = await LoadAsync(App, sessionId);
        Assert.Equal(
            [(DosingGate.NotReadyToDose, "Consent signed on paper today; scan follows."), (DosingGate.BloodPressureHold, "Usual BP; rechecked after rest.")],
            session.Overrides.OrderBy(o => o.Gate).Select(o => (o.Gate, o.Reason)));
        Assert.Equal(2, await AuditCountAsync(sessionId, AuditActions.DosingGateOverridden));
    }

    [Fact]
    public async Task Another_route_than_the_protocols_is_refused_and_no_route_means_the_protocols()
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course);
        var input = await DoseAsync(App, course, sessionId);
        var protocolRoute = input.Route!.Value;
        input.Route = protocolRoute == AdministrationRoute.Intravenous ? AdministrationRoute.Oral : AdministrationRoute.Intravenous;

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => AdministerAsync(App, course, sessionId, input));

        Assert.Equal(("Route", $"This session follows the {protocolRoute} protocol: the route is {protocolRoute}."), (refusal.Field, refusal.Message));
        Assert.Empty((await LoadAsync(App, sessionId)).Administrations);
        input.Route = null;
        await AdministerAsync(App, course, sessionId, input);
        Assert.Equal(protocolRoute, Assert.Single((await LoadAsync(App, sessionId)).Administrations).Route);
    }

    [Theory]
    [InlineData(ClinicRoles.Staff, false)]
    [InlineData(ClinicRoles.Admin, false)]
    [InlineData(ClinicRoles.Clinician, true)]
    public async Task Given_by_must_be_an_active_clinician(string role, bool disabled)
    {
        var course = await CourseAsync(App);
        var sessionId = await PreparedAsync(App, course);
        var giver = await TestUsers.CreateAsync(App, role);
        if (disabled)
        {
            await QueryAsync(App, async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == giver)).Disable();
                return await db.SaveChangesAsync();
            });
        }

        var input = await DoseAsync(App, course, sessionId);
        input.GivenById = giver;

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => AdministerAsync(App, course, sessionId, input));

        Assert.Equal(("GivenById", "Choose who gave the dose from the list: an active clinician."), (refusal.Field, refusal.Message));
        Assert.Empty((await LoadAsync(App, sessionId)).Administrations);
    }

    private Task<int> AuditCountAsync(Guid sessionId, string action) =>
        QueryAsync(App, db => db.AuditEvents.CountAsync(e => e.EntityId == sessionId && e.Action == action));
}
