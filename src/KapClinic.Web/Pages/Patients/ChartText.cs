using System.Globalization;
using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KapClinic.Web.Pages.Patients;

/// <summary>Words and badge colours the chart shows for the domain's enums and dates.</summary>
public static class ChartText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", English);

    public static string Kg(decimal kg) => kg.ToString("0.0", English) + " kg";

    public static string Status(PatientStatus status) => status.ToString();

    public static string StatusBadge(PatientStatus status) => status switch
    {
        PatientStatus.Active => "text-bg-success",
        PatientStatus.Maintenance => "text-bg-info",
        PatientStatus.Eligible or PatientStatus.Screening => "text-bg-primary",
        PatientStatus.Ineligible => "text-bg-dark",
        _ => "text-bg-secondary",
    };

    public static string Sex(SexAtBirth sex) => sex.ToString();

    public static string Course(CourseStatus status) => status.ToString();

    public static string CourseBadge(CourseStatus status) => status switch
    {
        CourseStatus.Active => "text-bg-success",
        CourseStatus.Planned => "text-bg-primary",
        CourseStatus.Stopped => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    public static string Screening(ScreeningResult result) => result switch
    {
        ScreeningResult.Absolute => "Absolute contraindication",
        ScreeningResult.Relative => "Relative contraindication",
        _ => "Clear",
    };

    public static string ScreeningBadge(ScreeningResult result) => result switch
    {
        ScreeningResult.Absolute => "text-bg-danger",
        ScreeningResult.Relative => "text-bg-warning",
        _ => "text-bg-success",
    };

    public static string Medication(MedicationClass medicationClass) => medicationClass switch
    {
        MedicationClass.Benzodiazepine => "Benzodiazepine",
        MedicationClass.Lamotrigine => "Lamotrigine",
        MedicationClass.Maoi => "MAOI",
        MedicationClass.Stimulant => "Stimulant",
        MedicationClass.Opioid => "Opioid",
        MedicationClass.OtherSedative => "Other sedative",
        _ => "Other",
    };

    public static string Consent(ConsentKind kind, AdministrationRoute? route) => kind switch
    {
        ConsentKind.KapTreatment => "KAP treatment",
        _ => route is { } r ? $"Route: {Route(r)}" : "Route of administration",
    };

    public static string Route(AdministrationRoute route) => route switch
    {
        AdministrationRoute.Intravenous => "IV (intravenous)",
        AdministrationRoute.Intramuscular => "IM (intramuscular)",
        AdministrationRoute.Sublingual => "Sublingual",
        AdministrationRoute.Oral => "Oral",
        _ => "Intranasal",
    };

    public static (string Text, string Badge) Standing(ConsentStanding standing) => standing switch
    {
        ConsentStanding.Expired => ("Expired", "text-bg-danger"),
        ConsentStanding.ExpiringSoon => ("Expiring soon", "text-bg-warning"),
        _ => ("Current", "text-bg-success"),
    };

    /// <summary>The instrument's short name, from the one catalogue of instruments (Core.Measures.Instruments).</summary>
    public static string Instrument(Instrument instrument) => Instruments.Get(instrument).ShortName;

    /// <summary>A measure alert's stored name in words ("SuicideRisk" -> "Suicide risk").</summary>
    public static string MeasureAlert(string name) => name switch
    {
        "SuicideRisk" => "Suicide risk",
        "CssrsHighRisk" => "High risk",
        "CssrsModerateRisk" => "Moderate risk",
        "ProbablePtsd" => "Probable PTSD",
        _ => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString())),
    };

    /// <summary>Suicide risk and high C-SSRS risk are dangers; other measure alerts ask for attention.</summary>
    public static string MeasureAlertBadge(string name) =>
        name is "SuicideRisk" or "CssrsHighRisk" ? "text-bg-danger" : "text-bg-warning";

    public static IEnumerable<SelectListItem> MedicationClasses(MedicationClass? selected) =>
        Enum.GetValues<MedicationClass>().Select(c => new SelectListItem(Medication(c), c.ToString(), c == selected));

    public static IEnumerable<SelectListItem> ConsentKinds(ConsentKind? selected) =>
        Enum.GetValues<ConsentKind>().Select(k => new SelectListItem(k == ConsentKind.KapTreatment ? "Informed consent for KAP" : "Route of administration", k.ToString(), k == selected));

    public static IEnumerable<SelectListItem> Routes(AdministrationRoute? selected) =>
        Enum.GetValues<AdministrationRoute>().Select(r => new SelectListItem(Route(r), r.ToString(), r == selected));
}
