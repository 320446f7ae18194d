using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace KapClinic.Web.Infrastructure.Auth;

/// <summary>Which page folders need which policy, and the few pages open without signing in.</summary>
public static class RazorPagesAuthorization
{
    public static void Apply(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Admin", Policies.Admin);
        conventions.AuthorizeFolder("/Patients/Measures", Policies.ClinicalRecord);
        conventions.AuthorizePage("/Patients/Chart", Policies.ClinicalRecord);
        conventions.AuthorizeFolder("/Patients/Screening", Policies.ClinicalRecord);
        conventions.AuthorizeFolder("/Patients/Courses", Policies.ClinicalRecord);
        conventions.AuthorizeFolder("/Patients", Policies.PatientRegistry);
        conventions.AuthorizeFolder("/Patients/Preparation", Policies.ClinicalRecord);
        conventions.AuthorizeFolder("/Schedule", Policies.ScheduleView);
        conventions.AuthorizeFolder("/Reports", Policies.Reports);
        conventions.AuthorizePage("/Schedule/Waitlist", Policies.ScheduleBooking);
        conventions.AuthorizePage("/Schedule/Feed", Policies.Clinician);
        conventions.AuthorizeFolder("/Patients/Integration", Policies.ClinicalRecord);
        conventions.AuthorizeFolder("/Patients/Dosing", Policies.ClinicalRecord);

        // Booking (front desk and Admins); an appointment's page is open to clinicians too, who may read only their own (checked by the page).
        conventions.AuthorizePage("/Schedule/Appointments/New", Policies.ScheduleBooking);
        conventions.AuthorizePage("/Schedule/Appointments/Details", Policies.ScheduleView);
        conventions.AuthorizePage("/Schedule/Appointments/Reschedule", Policies.ScheduleBooking);
        conventions.AuthorizePage("/Schedule/Plan", Policies.ScheduleBooking);
        conventions.AuthorizePage("/Schedule/Rooms", Policies.Admin);
        conventions.AuthorizePage("/Schedule/Hours", Policies.Admin);

        // Inventory: everyone clinical reads; every page that writes lives under /Inventory/Manage (Admins and prescribers),
        // or is Admin-only (new product, adjustment, resolving a discrepancy). The lot forms' routes still read /Inventory/Lots/....
        conventions.AuthorizeFolder("/Inventory", Policies.InventoryRead);
        conventions.AuthorizeFolder("/Inventory/Manage", Policies.InventoryManage);
        conventions.AuthorizePage("/Inventory/Manage/Adjust", Policies.Admin);
        conventions.AuthorizePage("/Inventory/Products/New", Policies.Admin);
        conventions.AuthorizePage("/Inventory/Discrepancies/Resolve", Policies.Admin);

        // The FHIR export is the clinical record: Admins and Clinicians (whatever the /Reports folder allows).
        conventions.AuthorizePage("/Reports/Fhir", Policies.ClinicalExport);

        conventions.AllowAnonymousToPage("/Account/Login");
        conventions.AllowAnonymousToPage("/Account/LoginWith2fa"); // between password and code: the short-lived MFA cookie says who
        conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
        conventions.AllowAnonymousToPage("/Error");
        conventions.AllowAnonymousToPage("/StatusCode");
    }
}
