namespace KapClinic.Core.Measures;

/// <summary>The rating scales the clinic uses (CLINICAL.md).</summary>
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
