namespace KapClinic.Core.Dosing;

/// <summary>
/// The dose form's lot: <see cref="InUse"/> when the clinic keeps the drug in that form in its inventory (a lot must
/// then be chosen from <see cref="Lots"/>, soonest expiry first), otherwise the lot number is typed.
/// </summary>
public sealed record DoseLotChoice(bool InUse, IReadOnlyList<DoseLotOption> Lots)
{
    public static DoseLotChoice FreeText { get; } = new(false, []);
}
