namespace KapClinic.Core.Integration;

/// <summary>How the session's risk check was done.</summary>
public enum RiskCheckMethod
{
    /// <summary>A C-SSRS screener recorded on the measures page; the level is the screener's.</summary>
    CssrsScreener,

    /// <summary>The clinician's own judgement, with a note.</summary>
    ClinicianJudgement,
}
