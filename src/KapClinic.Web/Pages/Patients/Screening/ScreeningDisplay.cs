using KapClinic.Core.Screening;

namespace KapClinic.Web.Pages.Patients.Screening;

/// <summary>How screening results and answers read on the pages.</summary>
public static class ScreeningDisplay
{
    public static string Title(ScreeningResult result) => result switch
    {
        ScreeningResult.Absolute => "Absolute contraindication",
        ScreeningResult.Relative => "Relative contraindication",
        _ => "Clear",
    };

    public static string Meaning(ScreeningResult result) => result switch
    {
        ScreeningResult.Absolute => "Dosing is blocked until a prescriber documents clearance.",
        ScreeningResult.Relative => "Flagged: the prescriber decides whether and how to dose.",
        _ => "No contraindication found in the answers or the medication list.",
    };

    public static string BadgeClass(ScreeningResult result) => result switch
    {
        ScreeningResult.Absolute => "text-bg-danger",
        ScreeningResult.Relative => "text-bg-warning",
        _ => "text-bg-success",
    };

    public static string AlertClass(ScreeningResult result) => result switch
    {
        ScreeningResult.Absolute => "alert-danger",
        ScreeningResult.Relative => "alert-warning",
        _ => "alert-success",
    };

    public static string Answer(ScreeningAnswer? answer) => answer switch
    {
        ScreeningAnswer.Yes => "Yes",
        ScreeningAnswer.No => "No",
        ScreeningAnswer.Unknown => "Unknown",
        _ => "Not answered",
    };

    public static IReadOnlyList<(string Heading, string Help, bool IsAbsolute)> Groups { get; } =
    [
        ("Absolute contraindications", "A yes, or an unknown, blocks dosing until a prescriber documents clearance.", true),
        ("Relative contraindications", "A yes or an unknown flags the screening; the prescriber decides.", false),
    ];
}
