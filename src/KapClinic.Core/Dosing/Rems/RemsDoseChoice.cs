namespace KapClinic.Core.Dosing.Rems;

/// <summary>The dose box the REMS Patient Monitoring Form offers: 56 mg (2 devices), 84 mg (3 devices), or another amount.</summary>
public enum RemsDoseChoice
{
    Mg56,
    Mg84,
    Other,
}
