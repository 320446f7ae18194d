using System.Globalization;
using KapClinic.Core.Consents;
using KapClinic.Core.Measures;
using KapClinic.Core.Screening;

namespace KapClinic.Core.Patients;

/// <summary>
/// The chart header's alerts, derived from what the chart already read (no database, no clock): the latest
/// screening's contraindications, suicide-risk alerts of the latest PHQ-9 (and QIDS-SR16) and C-SSRS screener,
/// the informed consent for KAP (missing, expired, expiring within 30 days) and each active allergy.
/// Danger alerts come first.
/// </summary>
public static class PatientAlerts
{
    /// <summary>Alert names stored on <see cref="MeasureResponse.Alerts"/> by the scoring.</summary>
    public const string SuicideRisk = "SuicideRisk";
    public const string CssrsModerateRisk = "CssrsModerateRisk";
    public const string CssrsHighRisk = "CssrsHighRisk";

    public static IReadOnlyList<PatientAlert> For(
        ChartScreening? latestScreening,
        IEnumerable<ChartAllergy> activeAllergies,
        IEnumerable<ChartMeasure> latestMeasures,
        IEnumerable<ChartConsent> consents,
        DateOnly today,
        ChartRiskJudgement? latestRiskJudgement = null)
    {
        var alerts = new List<PatientAlert>();
        AddScreening(alerts, latestScreening);
        AddMeasures(alerts, latestMeasures.ToList());
        AddRiskJudgement(alerts, latestRiskJudgement);
        AddConsent(alerts, consents.Where(c => c.Kind == ConsentKind.KapTreatment).ToList(), today);
        alerts.AddRange(activeAllergies.Select(a => new PatientAlert(
            AlertLevel.Warning,
            a.Reaction is null ? $"Allergy: {a.Substance}." : $"Allergy: {a.Substance} ({a.Reaction}).")));

        // OrderByDescending is stable: within a level, the order above is kept.
        return [.. alerts.OrderByDescending(a => a.Level)];
    }

    private static void AddScreening(List<PatientAlert> alerts, ChartScreening? screening)
    {
        if (screening is null || screening.Result == ScreeningResult.Clear)
        {
            return;
        }

        var reasons = screening.Reasons.Count == 0 ? string.Empty : " " + string.Join("; ", screening.Reasons) + ".";
        alerts.Add(screening.Result == ScreeningResult.Absolute
            ? new PatientAlert(AlertLevel.Danger, $"Absolute contraindication (screening version {screening.VersionNumber}): no dosing until a prescriber documents clearance.{reasons}")
            : new PatientAlert(AlertLevel.Warning, $"Relative contraindication (screening version {screening.VersionNumber}): the prescriber decides.{reasons}"));
    }

    // A clinician's own risk judgement in the latest signed integration note counts like a C-SSRS result.
    private static void AddRiskJudgement(List<PatientAlert> alerts, ChartRiskJudgement? judgement)
    {
        if (judgement is { Level: Integration.RiskLevel.High or Integration.RiskLevel.Moderate } risk)
        {
            alerts.Add(new PatientAlert(
                risk.Level == Integration.RiskLevel.High ? AlertLevel.Danger : AlertLevel.Warning,
                $"Suicide risk judged {risk.Level.ToString().ToLowerInvariant()} by the clinician in the latest integration note ({risk.On:d MMM yyyy}). Review the safety plan."));
        }
    }

    private static void AddMeasures(List<PatientAlert> alerts, List<ChartMeasure> latest)
    {
        if (latest.Find(m => m.Instrument == Instrument.Phq9) is { } phq9 && phq9.Alerts.Contains(SuicideRisk))
        {
            alerts.Add(new PatientAlert(AlertLevel.Danger, "Suicide risk: item 9 of the latest PHQ-9 (thoughts of death or self-harm) is above 0. Assess safety before anything else."));
        }

        if (latest.Find(m => m.Instrument == Instrument.QidsSr16) is { } qids && qids.Alerts.Contains(SuicideRisk))
        {
            alerts.Add(new PatientAlert(AlertLevel.Danger, "Suicide risk: the latest QIDS-SR16 reports thoughts of death or suicide. Assess safety before anything else."));
        }

        if (latest.Find(m => m.Instrument == Instrument.CssrsScreener) is { } cssrs)
        {
            if (cssrs.Alerts.Contains(CssrsHighRisk))
            {
                alerts.Add(new PatientAlert(AlertLevel.Danger, "C-SSRS screener: high risk on the latest screen. Follow the clinic's safety protocol now."));
            }
            else if (cssrs.Alerts.Contains(CssrsModerateRisk))
            {
                alerts.Add(new PatientAlert(AlertLevel.Warning, "C-SSRS screener: moderate risk on the latest screen. Review the safety plan."));
            }
        }
    }

    private static void AddConsent(List<PatientAlert> alerts, List<ChartConsent> kapConsents, DateOnly today)
    {
        var latest = kapConsents.OrderByDescending(c => c.ExpiresOn).FirstOrDefault();
        if (latest is null)
        {
            alerts.Add(new PatientAlert(AlertLevel.Warning, "Consent missing: no informed consent for KAP is on file. Record the signed consent before dosing."));
            return;
        }

        var expires = latest.ExpiresOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        switch (latest.StandingOn(today))
        {
            case ConsentStanding.Expired:
                alerts.Add(new PatientAlert(AlertLevel.Warning, $"Consent expired: the informed consent for KAP expired on {expires}. Renew it before dosing."));
                break;
            case ConsentStanding.ExpiringSoon:
                var days = latest.ExpiresOn.DayNumber - today.DayNumber;
                alerts.Add(new PatientAlert(AlertLevel.Warning, $"Consent expiring: the informed consent for KAP expires on {expires} (in {days} {(days == 1 ? "day" : "days")}). Plan the renewal."));
                break;
            case ConsentStanding.Current:
            default:
                break;
        }
    }
}
