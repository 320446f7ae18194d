using System.Globalization;
using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Demo;

/// <summary>
/// The demo's dosing sessions as a monitoring nurse records them: IV ketamine 0.5 mg/kg over 40 min (blood pressure
/// rising 10-20 mmHg during the infusion and back after it, MOAA/S dipping to 3-4, dissociation mid-infusion),
/// sublingual lozenges (a second one 30 min on), esketamine with the REMS readings. Weight and vitals vary a little
/// from session to session (a seeded <see cref="Random"/>), so every run gives the same clinic.
/// </summary>
internal sealed class DemoDosingPlans(Random random)
{
    public const string IvLot = "KET-26-0613";
    public const string LozengeLot = "KSL-26-0207";
    public const string EsketamineLot = "ESK-26-0311";
    public const string OverrideReason = "Repeat BP after rest 150/92; anxious; benefit outweighs risk; prescriber present.";

    // IV: minutes from the infusion's start; every 10 min during it, every 15 min after it.
    private static readonly int[] IvMinutes = [0, 10, 20, 30, 40, 55, 70, 85, 100];
    private static readonly int[] IvSystolic = [0, 8, 15, 18, 12, 6, 3, 1, 0];
    private static readonly int[] IvDiastolic = [0, 5, 8, 10, 7, 4, 2, 1, 0];
    private static readonly int[] IvHeartRate = [0, 4, 7, 9, 6, 3, 1, 0, -1];
    private static readonly int[] IvMoaas = [5, 5, 4, 3, 4, 5, 5, 5, 5];
    private static readonly string?[] IvComments =
    [
        "Infusion started at 150 mL/h, 22G cannula left forearm; eyeshade and music on.", "Feels warm and heavy; settled.",
        "Says the room feels far away; calm, no distress.", "Opens eyes to voice after a repeat; breathing easy.",
        "Infusion complete, line flushed; speaking slowly.", "Effects fading; oriented to place and time.", null,
        "Sitting up, sipping water.", "Walked to the bathroom steadily; vitals near baseline.",
    ];

    private static readonly string[] Intentions =
    [
        "To meet the grief about my father with less fear.", "To find some softness toward myself.",
        "To let go of needing to control everything.", "To see what is underneath the numbness.", "To feel at home in my body again.",
    ];

    public enum IvSession
    {
        MildNausea,
        NauseaVomiting,
        BloodPressureOverride,
        InProgress,
    }

    public DemoDosingPlan Iv(DemoDosingCourse course, DateTimeOffset start, NoteSigner monitor, IvSession kind)
    {
        var weight = WeightOfTheDay(course);
        var mg = Math.Ceiling(weight * 0.5m);
        var overridden = kind == IvSession.BloodPressureOverride;
        var baseline = overridden ? new VitalSigns(150, 92, 84, 98, 16) : Baseline();
        var readings = new List<DemoDosingPlan.Reading>();
        for (var i = 0; i < IvMinutes.Length && (kind != IvSession.InProgress || IvMinutes[i] <= 20); i++)
        {
            var reading = Reading(baseline, IvMinutes[i], IvSystolic[i], IvDiastolic[i], IvHeartRate[i], IvMoaas[i], i is >= 2 and <= 5, IvNausea(kind, i), IvComments[i]);
            readings.Add(kind switch
            {
                IvSession.MildNausea when i == 4 => reading with { Comment = "Infusion complete, line flushed; mild nausea, settles lying still." },
                IvSession.NauseaVomiting when i == 4 => reading with { Comment = "Infusion complete; nauseated, vomited once at 44 min." },
                IvSession.NauseaVomiting when i == 5 => reading with { Comment = "Ondansetron 4 mg IV at 46 min; nausea easing." },
                IvSession.BloodPressureOverride when i == 0 => reading with { Comment = "Infusion started at 150 mL/h after the prescriber's override; repeat BP after rest 150/92." },
                IvSession.BloodPressureOverride when i == 3 => reading with { Comment = Text($"BP {reading.Vitals.BloodPressureText} reviewed with the prescriber at the bedside: below the alert limits, continue.") },
                _ => reading,
            });
        }

        return new DemoDosingPlan(start, monitor, weight, overridden ? new VitalSigns(162, 98, 88, 98, 16) : baseline, [new(0, mg, IvLot, InfusionMinutes: 40, ConcentrationMgPerMl: mg / 100, VolumeMl: 100, RateMlPerHour: 150)])
        {
            Readings = readings,
            Events = kind == IvSession.NauseaVomiting
                ? [new(AdverseEventType.NauseaVomiting, AdverseEventSeverity.Moderate, 38, "Ondansetron 4 mg IV at 46 min (standing order, prescriber informed); emesis bag, head of bed raised, cool cloth. Infusion completed as planned.", 68)]
                : [],
            Intention = Intention(),
            Mood = random.Next(3, 7),
            OverrideReason = overridden ? OverrideReason : null,
            DischargeMinute = kind == IvSession.InProgress ? null : 105,
            Account = kind switch
            {
                IvSession.MildNausea => "Felt like floating above the lake; the usual worry seemed far away. A little queasy at the end, gone by the time I left.",
                IvSession.NauseaVomiting => "The first half was peaceful, then the nausea took over for a while. Glad it passed quickly; would like the anti-nausea medicine before the next one.",
                _ => "Nervous about my blood pressure at the start; once it began I felt held and calm. Images of walking in fresh snow.",
            },
        };
    }

    /// <summary>A 200 mg lozenge, then a second of 100 mg 30 min on; readings every 15 min; about 2.5 h in all.</summary>
    public DemoDosingPlan Sublingual(DemoDosingCourse course, DateTimeOffset start, NoteSigner monitor)
    {
        var baseline = Baseline();
        int[] systolic = [4, 6, 10, 12, 10, 7, 4, 2, 0], diastolic = [2, 4, 6, 7, 6, 4, 2, 1, 0], heartRate = [2, 4, 6, 7, 5, 3, 2, 0, 0], moaas = [5, 5, 4, 4, 4, 5, 5, 5, 5];
        string?[] comments =
        [
            "First lozenge (200 mg) held under the tongue 15 min, then spat out; mouth rinsed.", "Second lozenge (100 mg) as planned; eyes closed, music on.",
            "Heavy limbs, colours behind the eyes; calm.", "Tearful at times; settles with reassurance.", "Quiet, responds to voice.", "Effects fading; sitting up.", null,
            "Eating crackers, talking about the images.", "Walked steadily; vitals near baseline.",
        ];
        var readings = Enumerable.Range(0, 9)
            .Select(i => Reading(baseline, 15 * (i + 1), systolic[i], diastolic[i], heartRate[i], moaas[i], i is >= 2 and <= 5, Nausea.None, comments[i]))
            .ToList();
        return new DemoDosingPlan(start, monitor, WeightOfTheDay(course), baseline, [new(0, 200, LozengeLot), new(30, 100, LozengeLot)])
        {
            Readings = readings,
            Intention = Intention(),
            Mood = random.Next(3, 7),
            DischargeMinute = 140,
            Account = "Slow to come on, then waves of colour and warmth. Cried about my brother and felt lighter afterwards.",
        };
    }

    /// <summary>Esketamine (28 mg a device): REMS readings before dosing, at about 40 min and before discharge at 125 min.</summary>
    public DemoDosingPlan Esketamine(DemoDosingCourse course, DateTimeOffset start, NoteSigner monitor, int devices)
    {
        var baseline = Baseline();
        var given = devices == 3 ? "Three devices" : "Two devices";
        return new DemoDosingPlan(start, monitor, WeightOfTheDay(course), baseline, [new(0, devices * DoseAdministration.EsketamineMgPerDevice, EsketamineLot, Devices: devices)])
        {
            Readings =
            [
                Reading(baseline, 40, 16, 9, 6, 4, true, Nausea.None, $"{given} 5 min apart, head tilted back after each; dissociated, mildly sedated, no distress."),
                Reading(baseline, 90, 5, 3, 2, 5, false, Nausea.None, "Alert and talking; says they feel back in their body."),
                Reading(baseline, 120, 1, 1, 0, 5, false, Nausea.None, "Vitals near baseline before discharge; walking steadily."),
            ],
            Intention = Intention(),
            Mood = random.Next(3, 7),
            ReadyToLeaveMinute = 95,
            DischargeMinute = 125,
            Account = devices == 3
                ? "Detached and heavy for half an hour, then clear. Less of the grey fog this evening than after the last one."
                : "First time: strange, like watching myself from the ceiling, but not frightening.",
        };
    }

    private static Nausea IvNausea(IvSession kind, int i) => kind switch
    {
        IvSession.MildNausea when i is 4 or 5 => Nausea.Mild,
        IvSession.NauseaVomiting when i is 3 or 5 => Nausea.Mild,
        IvSession.NauseaVomiting when i == 4 => Nausea.Moderate,
        _ => Nausea.None,
    };

    private DemoDosingPlan.Reading Reading(VitalSigns b, int minute, int systolic, int diastolic, int heartRate, int moaas, bool dissociated, Nausea nausea, string? comment) => new(
        minute,
        new VitalSigns(b.Systolic + systolic + random.Next(-2, 3), b.Diastolic + diastolic + random.Next(-2, 3), b.HeartRate + heartRate + random.Next(-3, 4), random.Next(96, 100), b.RespiratoryRate + random.Next(-1, 2)),
        moaas,
        dissociated ? Dissociation.Present : Dissociation.Absent,
        nausea,
        comment);

    private VitalSigns Baseline() => new(random.Next(114, 133), random.Next(70, 85), random.Next(62, 83), random.Next(97, 100), random.Next(13, 17));

    // The scale on the day: within a kilogram of the last recorded weight.
    private decimal WeightOfTheDay(DemoDosingCourse course) => course.LatestWeightKg + (random.Next(-8, 6) / 10m);

    private string Intention() => Intentions[random.Next(Intentions.Length)];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
