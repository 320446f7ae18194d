using KapClinic.Core.Patients;

namespace KapClinic.Web.Pages.Patients;

/// <summary>How a patient status looks in lists and headers: one colour per stage of the program.</summary>
public static class PatientStatusDisplay
{
    public static string BadgeClass(PatientStatus status) => status switch
    {
        PatientStatus.Referred => "text-bg-secondary",
        PatientStatus.Screening => "text-bg-info",
        PatientStatus.Eligible => "text-bg-primary",
        PatientStatus.Ineligible => "text-bg-dark",
        PatientStatus.Active => "text-bg-success",
        PatientStatus.Maintenance => "text-bg-warning",
        _ => "text-bg-light border",
    };
}
