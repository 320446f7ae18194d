namespace KapClinic.Core.Dosing;

/// <summary>
/// The dosing-session safety numbers (CLINICAL.md, "Dosing-session safety"): each a clinic setting an Admin may
/// change (audited with the clinic settings), with the document's values as defaults. Blood pressure compares as
/// "systolic or diastolic": 162/88 is at the hold threshold 160/100.
/// </summary>
public sealed record DosingThresholds
{
    public static DosingThresholds Defaults { get; } = new();

    /// <summary>Pre-dose BP at or above this shows a warning that does not block (default 140/90).</summary>
    public int FlagSystolic { get; init; } = 140;

    public int FlagDiastolic { get; init; } = 90;

    /// <summary>Pre-dose BP at or above this holds the dose unless a prescriber overrides (default 160/100).</summary>
    public int HoldSystolic { get; init; } = 160;

    public int HoldDiastolic { get; init; } = 100;

    /// <summary>Pre-dose heart rate above this holds the dose (default 110/min).</summary>
    public int HoldHeartRateAbove { get; init; } = 110;

    /// <summary>Pre-dose SpO2 below this holds the dose (default 94 %).</summary>
    public int HoldSpO2Below { get; init; } = 94;

    /// <summary>During monitoring, systolic above this is an alert (default 180).</summary>
    public int AlertSystolicAbove { get; init; } = 180;

    public int AlertDiastolicAbove { get; init; } = 110;

    public int AlertHeartRateAbove { get; init; } = 120;

    public int AlertSpO2Below { get; init; } = 92;

    /// <summary>Vitals interval once an IV infusion has ended (default 15 min; during it, the protocol's interval).</summary>
    public int PostInfusionIntervalMinutes { get; init; } = 15;

    /// <summary>Esketamine's least monitoring from the first device (REMS: 120 min); the protocol may ask for more.</summary>
    public int EsketamineMinimumMonitoringMinutes { get; init; } = 120;

    /// <summary>Why these numbers cannot be used together, or null when they can.</summary>
    public string? Problem() =>
        FlagSystolic > HoldSystolic || FlagDiastolic > HoldDiastolic ? "The warning blood pressure must not be above the hold blood pressure."
        : HoldSystolic > AlertSystolicAbove || HoldDiastolic > AlertDiastolicAbove ? "The hold blood pressure must not be above the monitoring alert."
        : HoldHeartRateAbove > AlertHeartRateAbove ? "The pre-dose heart-rate hold must not be above the monitoring alert."
        : HoldSpO2Below < AlertSpO2Below ? "The pre-dose SpO2 hold must not be below the monitoring alert."
        : null;
}
