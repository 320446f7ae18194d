using System.Globalization;
using KapClinic.Core.Dosing;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>Words for the session page and the discharge page: status, scales, events and vitals as people read them.</summary>
public static class MonitorText
{
    /// <summary>MOAA/S as the form offers it: the score with a short label (5 = responds readily ... 0 = no response).</summary>
    public static IReadOnlyList<(int Score, string Label)> MoaasOptions { get; } =
    [
        (5, "5 · responds readily to name"),
        (4, "4 · lethargic response to name"),
        (3, "3 · responds to loud or repeated name"),
        (2, "2 · responds to prodding or shaking"),
        (1, "1 · responds to painful stimulus only"),
        (0, "0 · no response to painful stimulus"),
    ];

    /// <summary>The discharge instructions the clinician gives (CLINICAL.md, "Discharge").</summary>
    public static IReadOnlyList<string> DischargeInstructions { get; } =
    [
        "No driving, and no important decisions, until the next day after a night's sleep.",
        "No alcohol or cannabis for 24 hours.",
        "No benzodiazepines or opioids for 4 hours, unless prescribed.",
    ];

    /// <summary>The pregnancy test result as the checklist offers it ("Not applicable", not the enum's name).</summary>
    public static string Pregnancy(PregnancyTest? test) => test switch
    {
        null => "–",
        PregnancyTest.NotApplicable => "Not applicable",
        _ => test.Value.ToString(),
    };

    /// <summary>Where the session stands, with the badge colour that says it.</summary>
    public static (string Label, string Badge) Status(DosingSessionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var session = details.Session;
        return session.IsSigned ? ("Signed", "text-bg-success")
            : session.DoseWithheldReason is not null ? ("Withheld", "text-bg-warning")
            : session.IsDischarged ? ("Discharged", "text-bg-info")
            : session.IsDosed ? ("Monitoring", "text-bg-primary")
            : details.Gates.Any(g => g.IsHold) ? ("Checklist", "text-bg-secondary")
            : ("Ready to dose", "text-bg-success");
    }

    public static string MoaasShort(int? score) => score switch
    {
        null => "–",
        _ => MoaasOptions.FirstOrDefault(o => o.Score == score).Label ?? score.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string EventType(AdverseEventType type, string? other) => type switch
    {
        AdverseEventType.Hypertension => "Hypertension",
        AdverseEventType.NauseaVomiting => "Nausea or vomiting",
        AdverseEventType.EmergenceReactionOrAgitation => "Emergence reaction or agitation",
        AdverseEventType.RespiratoryDepression => "Respiratory depression",
        AdverseEventType.SevereDissociation => "Severe dissociation",
        _ => other is null ? "Other" : $"Other: {other}",
    };

    public static string Gate(DosingGate gate) => gate switch
    {
        DosingGate.NotReadyToDose => "Course not ready to dose",
        DosingGate.ChecklistIncomplete => "Checklist incomplete",
        DosingGate.PregnancyTestPositive => "Pregnancy test positive",
        DosingGate.SuicideRiskHigh => "High suicide risk",
        DosingGate.BloodPressureHold => "Blood pressure hold",
        DosingGate.HeartRateHold => "Heart rate hold",
        DosingGate.SpO2Hold => "SpO2 hold",
        DosingGate.DoseOutOfRange => "Dose outside the protocol's range",
        _ => "Blood pressure warning",
    };

    /// <summary>"128/82 · HR 72 · SpO2 98 % · RR 14", leaving out what was not measured.</summary>
    public static string Vitals(VitalSigns vitals)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        var parts = new List<string>();
        if (vitals.BloodPressureText is { } bp)
        {
            parts.Add($"BP {bp}");
        }

        if (vitals.HeartRate is { } hr)
        {
            parts.Add(Invariant($"HR {hr}"));
        }

        if (vitals.SpO2 is { } spo2)
        {
            parts.Add(Invariant($"SpO2 {spo2} %"));
        }

        if (vitals.RespiratoryRate is { } rr)
        {
            parts.Add(Invariant($"RR {rr}"));
        }

        return parts.Count == 0 ? "not measured" : string.Join(" · ", parts);
    }

    public static string Number(decimal? value, string format = "0.##") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    /// <summary>The value a datetime-local input takes.</summary>
    public static string InputTime(DateTime? value) => value?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
