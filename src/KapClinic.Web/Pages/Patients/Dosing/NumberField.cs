namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>
/// A numeric field for a tablet: a large input with the right on-screen keypad (inputmode), its unit, the allowed
/// range as a hint, and its error beside it. <see cref="Name"/> is the form name ("Input.Systolic").
/// </summary>
public sealed record NumberField(string Name, string Label, string? Value, string? Unit = null, decimal? Min = null, decimal? Max = null, bool AllowsDecimals = false, string? Help = null)
{
    public string Id => Name.Replace('.', '_');

    public string ErrorId => Id + "-error";

    public string? HelpId => Help is null ? null : Id + "-help";

    public string InputMode => AllowsDecimals ? "decimal" : "numeric";

    public string Step => AllowsDecimals ? "any" : "1";
}
