using System.Globalization;

namespace KapClinic.Core.Courses;

/// <summary>Words for protocol values, shared by lists, pickers and forms.</summary>
public static class ProtocolText
{
    public static string Drug(DrugKind drug) => drug switch
    {
        DrugKind.Esketamine => "Esketamine",
        _ => "Ketamine",
    };

    public static string Route(AdministrationRoute route) => route switch
    {
        AdministrationRoute.Intravenous => "IV",
        AdministrationRoute.Intramuscular => "IM",
        AdministrationRoute.Sublingual => "sublingual",
        AdministrationRoute.Oral => "oral",
        _ => "intranasal",
    };

    /// <summary>The route as a form offers it: the abbreviation with its meaning.</summary>
    public static string RouteOption(AdministrationRoute route) => route switch
    {
        AdministrationRoute.Intravenous => "IV (intravenous infusion)",
        AdministrationRoute.Intramuscular => "IM (intramuscular injection)",
        AdministrationRoute.Sublingual => "Sublingual (lozenge)",
        AdministrationRoute.Oral => "Oral",
        _ => "Intranasal (nasal spray)",
    };

    public static string Unit(DoseUnit unit) => unit == DoseUnit.MgPerKg ? "mg/kg" : "mg";

    public static string DoseRange(DoseUnit unit, decimal min, decimal max) =>
        string.Create(CultureInfo.InvariantCulture, $"{min:0.###}–{max:0.###} {Unit(unit)}");
}
