namespace KapClinic.Core.Measures;

/// <summary>
/// The rating scales the clinic scores. Stored by name (EF maps enums to strings), so members can be
/// reordered without rewriting history, but never renamed.
/// </summary>
public enum Instrument
{
    Phq9,
    Gad7,
    Pcl5,
    QidsSr16,
    Madrs,
    CssrsScreener,
    Cadss6,
    Meq30,
    Edi,
}
