using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Users;

public sealed class UserAdministrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Admin_creates_a_user_who_can_then_sign_in()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var email = $"new-{Guid.NewGuid():N}@clinic.test";

        var response = await HtmlForms.PostAsync(admin, "/Admin/Users/Create",
        [
            new("Input.Email", email), new("Input.DisplayName", "Dr. Lena Ortiz"), new("Input.Credentials", "NP"),
            new("Input.IsClinician", "true"), new("Input.IsPrescriber", "true"), new("Input.Password", "saffron-kettle-meadow-4"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signIn = await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, "saffron-kettle-meadow-4");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var list = await admin.GetStringAsync("/Admin/Users");
        Assert.Contains("Dr. Lena Ortiz", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_new_user_shows_messages_beside_fields_and_keeps_input()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var response = await HtmlForms.PostAsync(admin, "/Admin/Users/Create",
        [
            new("Input.Email", "not-an-email"), new("Input.DisplayName", "Kept Name"), new("Input.Password", "short"),
            new("Input.IsStaff", "true"), new("Input.IsPrescriber", "true"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter a valid email address", html, StringComparison.Ordinal);
        Assert.Contains("Use at least 12 characters", html, StringComparison.Ordinal);
        Assert.Contains("Only a clinician can be a prescriber.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept Name\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_change_writes_exactly_one_audit_row()
    {
        var (admin, adminId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var userId = await TestUsers.CreateAsync(App, ClinicRoles.Staff);
        var before = await AuditRowsFor(userId);
        var stamp = await ConcurrencyStampOf(userId);

        var response = await HtmlForms.PostAsync(admin, $"/Admin/Users/Edit/{userId}",
        [
            new("Input.DisplayName", "Renamed Person"), new("Input.IsClinician", "true"), new("Input.IsSupervisor", "true"),
            new("Input.Credentials", "LCSW"), new("Input.ConcurrencyStamp", stamp),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = (await AuditRowsFor(userId)).Except(before).ToList();
        var row = Assert.Single(rows);
        Assert.Equal("User.Updated", row.Action);
        Assert.Equal(adminId, row.UserId);
        Assert.Contains("DisplayName", row.Detail, StringComparison.Ordinal);
        Assert.Contains("Roles", row.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed Person", row.Detail, StringComparison.Ordinal); // names of fields, never values
    }

    [Fact]
    public async Task A_concurrent_edit_is_detected_and_loses_nothing_typed()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var userId = await TestUsers.CreateAsync(App, ClinicRoles.Staff, name: "Original Name");
        var staleStamp = await ConcurrencyStampOf(userId);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var details = await users.GetAsync(userId);
            details.Input.DisplayName = "Saved By Other Admin";
            await users.UpdateAsync(userId, details.Input, Guid.NewGuid());
        }

        var response = await HtmlForms.PostAsync(admin, $"/Admin/Users/Edit/{userId}",
            [new("Input.DisplayName", "My Typed Name"), new("Input.IsStaff", "true"), new("Input.ConcurrencyStamp", staleStamp)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this user", html, StringComparison.Ordinal);
        Assert.Contains("value=\"My Typed Name\"", html, StringComparison.Ordinal);
        Assert.Contains("Saved By Other Admin", html, StringComparison.Ordinal);
        await using var check = App.Services.CreateAsyncScope();
        var name = await check.ServiceProvider.GetRequiredService<KapClinicDbContext>().Users
            .Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync();
        Assert.Equal("Saved By Other Admin", name);
    }

    [Fact]
    public async Task Changing_a_clinicians_flags_ends_their_sessions_so_the_cookie_never_carries_stale_flags()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var (clinician, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician, prescriber: true);
        var stamp = await ConcurrencyStampOf(clinicianId);

        await HtmlForms.PostAsync(admin, $"/Admin/Users/Edit/{clinicianId}",
            [new("Input.DisplayName", "Test Clinician"), new("Input.IsClinician", "true"), new("Input.ConcurrencyStamp", stamp)]);

        Assert.Equal(HttpStatusCode.Redirect, (await clinician.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var (admin, adminId) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);

        var response = await HtmlForms.PostAsync(admin, $"/Admin/Users/Edit/{adminId}", [], $"/Admin/Users/Edit/{adminId}?handler=Disable");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot disable your own account.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_password_lets_the_user_sign_in_with_the_new_one_and_ends_old_sessions()
    {
        var (admin, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Admin);
        var (userClient, userId) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var response = await HtmlForms.PostAsync(admin, $"/Admin/Users/ResetPassword/{userId}", [new("Input.NewPassword", "copper-lagoon-thistle-8")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await userClient.GetAsync("/")).StatusCode);
        var email = await TestUsers.EmailOfAsync(App, userId);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(TestUsers.NewClient(App), email, "copper-lagoon-thistle-8")).StatusCode);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_lose_the_admin_role()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var adminId = await TestUsers.CreateAsync(App, ClinicRoles.Admin);

        // Every other admin is disabled, so this one is the last.
        foreach (var other in await db.Users.Where(u => u.Id != adminId && !u.IsDisabled).ToListAsync())
        {
            other.Disable();
        }

        await db.SaveChangesAsync();
        var details = await users.GetAsync(adminId);
        details.Input.IsAdmin = false;
        details.Input.IsStaff = true;

        var error = await Assert.ThrowsAsync<KapClinic.Core.Common.RuleViolationException>(
            () => users.UpdateAsync(adminId, details.Input, Guid.NewGuid()));
        Assert.Contains("at least one active administrator", error.Message, StringComparison.Ordinal);
    }

    private async Task<List<(Guid Id, string Action, Guid? UserId, string? Detail)>> AuditRowsFor(Guid entityId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents
            .Where(e => e.EntityId == entityId && e.EntityType == "User" && e.Action.StartsWith("User."))
            .Select(e => new { e.Id, e.Action, e.UserId, e.Detail })
            .ToListAsync();
        return rows.Select(r => (r.Id, r.Action, r.UserId, r.Detail)).ToList();
    }

    private async Task<string> ConcurrencyStampOf(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserAdministration>().GetAsync(userId)).Input.ConcurrencyStamp;
    }
}
