using static KapClinic.Web.Tests.Security.Support.Caller;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>
/// Who may use which page: the expectation behind the authorization matrix, written from Policies and
/// RazorPagesAuthorization but kept apart from them so a change to either is a visible change here. Folders first
/// (the longest matching prefix wins), then single pages. A page under a folder not listed fails the matrix: decide
/// who may use it and add a line.
/// </summary>
public static class AccessTable
{
    public static readonly Caller[] Anyone = [Anonymous, Admin, Clinician, Prescriber, Staff];
    public static readonly Caller[] SignedIn = [Admin, Clinician, Prescriber, Staff];
    public static readonly Caller[] Admins = [Admin];
    public static readonly Caller[] Clinicians = [Clinician, Prescriber];
    public static readonly Caller[] AdminsAndClinicians = [Admin, Clinician, Prescriber];
    public static readonly Caller[] AdminsAndPrescribers = [Admin, Prescriber];
    public static readonly Caller[] FrontDesk = [Admin, Staff];

    private static readonly (string Path, Caller[] Allowed)[] Entries =
    [
        ("/Index", SignedIn), // the dashboard
        ("/Account/Login", Anyone),
        ("/Account/Logout", SignedIn),
        ("/Account/LoginWith2fa", Anyone), // between password and code: the short-lived MFA cookie says who
        ("/Account/LoginWithRecoveryCode", Anyone),
        ("/Account/Security", SignedIn), // one's own password, app and recovery codes
        ("/Account/Mfa/Enrol", SignedIn),
        ("/Error", Anyone),
        ("/StatusCode", Anyone),
        ("/health/live", Anyone),
        ("/health/ready", Anyone),
        ("/calendar/{token}.ics", Anyone), // the secret URL is the credential; see EndpointAuthorizationTests

        ("/Admin", Admins),

        ("/Patients", SignedIn), // the registry: find, register, edit demographics
        ("/Patients/Chart", Clinicians), // the clinical record, below: clinicians only
        ("/Patients/Sessions", SignedIn), // which sessions happened, without note text: the front desk too
        ("/Patients/Screening", Clinicians),
        ("/Patients/Courses", Clinicians),
        ("/Patients/Measures", Clinicians),
        ("/Patients/Preparation", Clinicians),
        ("/Patients/Integration", Clinicians),
        ("/Patients/Dosing", Clinicians),

        ("/Schedule", SignedIn), // the calendar: everyone sees it
        ("/Schedule/Appointments/New", FrontDesk),
        ("/Schedule/Appointments/Reschedule", FrontDesk),
        ("/Schedule/Plan", FrontDesk),
        ("/Schedule/Waitlist", FrontDesk),
        ("/Schedule/Rooms", Admins),
        ("/Schedule/Hours", Admins),
        ("/Schedule/Feed", Clinicians), // a clinician's own calendar feed

        ("/Inventory", AdminsAndClinicians), // read: everyone clinical
        ("/Inventory/Manage", AdminsAndPrescribers), // write: Admins and prescribers
        ("/Inventory/Manage/Adjust", Admins),
        ("/Inventory/Products/New", Admins),
        ("/Inventory/Discrepancies/Resolve", Admins),

        ("/Reports", SignedIn), // the catalogue and report pages; each report's roles are checked by ReportService
        ("/Reports/Fhir", AdminsAndClinicians), // the whole clinical record as FHIR: not the front desk
    ];

    /// <summary>Who may use the page (or endpoint); null when the table has no entry for it.</summary>
    public static Caller[]? AllowedFor(RouteEntry route)
    {
        var key = route.Page ?? route.Template;
        return Entries
            .Where(e => key == e.Path || key.StartsWith(e.Path + "/", StringComparison.Ordinal))
            .OrderByDescending(e => e.Path.Length)
            .Select(e => e.Allowed)
            .FirstOrDefault();
    }
}
