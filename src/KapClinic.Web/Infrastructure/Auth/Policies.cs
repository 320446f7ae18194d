using System.Security.Claims;
using KapClinic.Core.Users;
using Microsoft.AspNetCore.Authorization;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>
/// Every authorization rule of the app, in one place. Pages get them by folder convention in
/// <see cref="RazorPagesAuthorization"/>; anything not listed there still needs a signed-in user (the fallback policy).
/// </summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Clinician = nameof(Clinician);
    public const string Prescriber = nameof(Prescriber);
    public const string Supervisor = nameof(Supervisor);

    /// <summary>Find and register patients, edit demographics: everyone who works with patients.</summary>
    public const string PatientRegistry = nameof(PatientRegistry);

    /// <summary>Book, move and cancel appointments; manage rooms, hours and the waitlist: the front desk and Admins.</summary>
    public const string ScheduleBooking = nameof(ScheduleBooking);

    /// <summary>See the calendar: everyone (clinicians see their own day and the clinic's calendar, without booking).</summary>
    public const string ScheduleView = nameof(ScheduleView);

    /// <summary>The clinical record (chart, screening, measures, notes): clinicians only. Staff do not read it.</summary>
    public const string ClinicalRecord = nameof(ClinicalRecord);

    /// <summary>Exports of the clinical record (FHIR): Admins and Clinicians. Staff do not read the clinical record.</summary>
    public const string ClinicalExport = nameof(ClinicalExport);

    /// <summary>The controlled-substance inventory, read-only: Admins and every clinician. Staff have no access.</summary>
    public const string InventoryRead = nameof(InventoryRead);

    /// <summary>Record receipts, waste, returns, corrections, counts and close lots: Admins and prescribing clinicians.</summary>
    public const string InventoryManage = nameof(InventoryManage);

    /// <summary>The report catalogue: Admins, Clinicians and Staff (each report's own roles are checked by Core's ReportService).</summary>
    public const string Reports = nameof(Reports);

    public static bool CanRunReports(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(ClinicRoles.Admin) || user.IsInRole(ClinicRoles.Clinician) || user.IsInRole(ClinicRoles.Staff);
    }

    /// <summary>The rule behind <see cref="InventoryManage"/>, for pages that show or hide its buttons.</summary>
    public static bool CanManageInventory(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(ClinicRoles.Admin) || (user.IsInRole(ClinicRoles.Clinician) && user.HasClaim(ClinicClaims.Prescriber, "true"));
    }

    public static bool CanReadInventory(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(ClinicRoles.Admin) || user.IsInRole(ClinicRoles.Clinician);
    }

    public static void Configure(AuthorizationBuilder builder)
    {
        builder
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Admin))
            .AddPolicy(Clinician, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Clinician))
            .AddPolicy(PatientRegistry, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff))
            .AddPolicy(ScheduleBooking, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Admin, ClinicRoles.Staff))
            .AddPolicy(ScheduleView, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff))
            .AddPolicy(ClinicalRecord, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Clinician))
            .AddPolicy(ClinicalExport, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Admin, ClinicRoles.Clinician))
            .AddPolicy(Prescriber, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Clinician)
                .RequireClaim(ClinicClaims.Prescriber, "true"))
            .AddPolicy(Supervisor, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Clinician)
                .RequireClaim(ClinicClaims.Supervisor, "true"))
            .AddPolicy(Reports, p => p.RequireAuthenticatedUser().RequireRole(ClinicRoles.Admin, ClinicRoles.Clinician, ClinicRoles.Staff))
            .AddPolicy(InventoryRead, p => p.RequireAuthenticatedUser().RequireAssertion(c => CanReadInventory(c.User)))
            .AddPolicy(InventoryManage, p => p.RequireAuthenticatedUser().RequireAssertion(c => CanManageInventory(c.User)));
    }
}
