using System.Reflection;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using KapClinic.Core.Tests.Notes;

namespace KapClinic.Core.Tests.Dosing;

/// <summary>Dosing sessions built through the domain, for the rules' tests. The session starts 3 h before <see cref="TestNotes.Now"/>.</summary>
internal static class TestDosingSessions
{
    public static readonly Guid PatientId = Guid.NewGuid();
    public static readonly Guid CourseId = Guid.NewGuid();
    public static readonly Guid PrescriberId = Guid.NewGuid();
    public static readonly DateTimeOffset Now = TestNotes.Now;
    public static readonly DateTimeOffset Start = TestNotes.Now.AddHours(-3);

    /// <summary>The dose of the built sessions is given 15 min after the start.</summary>
    public static readonly DateTimeOffset DoseAt = Start.AddMinutes(15);

    public static Readiness Ready { get; } = new(true, []);

    /// <summary>A prescriber's override with a reason of its own for every gate: "Reason for BloodPressureHold: rechecked after rest."</summary>
    public static GateOverrideRequest Override { get; } = new(PrescriberId, "Dr P. Prescriber, MD", Enum.GetValues<DosingGate>().ToDictionary(g => g, string? (g) => ReasonFor(g)));

    /// <summary>The reason <see cref="Override"/> gives for <paramref name="gate"/>.</summary>
    public static string ReasonFor(DosingGate gate) => $"Reason for {gate}: rechecked after rest.";

    /// <summary>Gives <paramref name="dose"/> as the service does: the session weighs the gates itself (ready course, default thresholds unless given).</summary>
    public static DoseAdministration Give(
        DosingSession session, DoseDetails dose, GateOverrideRequest? overrideRequest, DateTimeOffset now, Readiness? readiness = null, DosingThresholds? thresholds = null) =>
        session.Administer(dose, readiness ?? Ready, thresholds ?? DosingThresholds.Defaults, overrideRequest, now);

    public static Protocol Protocol(Guid id) => new(id, DefaultProtocols.All.Single(p => p.Id == id).Definition);

    /// <summary>A new session of the protocol (IM KAP by default), checklist untouched.</summary>
    public static DosingSession New(Guid? protocolId = null) =>
        new(PatientId, CourseId, TestNotes.Author.Id, PrescriberId, Protocol(protocolId ?? DefaultProtocols.ImKapId), null, Start, Start);

    public static VitalSigns NormalVitals { get; } = new(128, 82, 72, 98, 14);

    /// <summary>Every item done: 70 kg, normal vitals, negative pregnancy test.</summary>
    public static PreDoseChecklist Complete { get; } = new()
    {
        IdentityVerified = true,
        ConsentCurrent = true,
        Fasting = true,
        RideHomeName = "Sam Lee (partner)",
        RideHomePhone = "+1 555 0100 300",
        NoContraindicatedMedicationToday = true,
        PregnancyTest = PregnancyTest.Negative,
        Intention = "Meet the grief with curiosity.",
        MoodScore = 4,
        WeightKg = 70m,
        PreDoseVitals = NormalVitals,
        PreDoseVitalsAt = Start.AddMinutes(5),
    };

    /// <summary>A session with the checklist recorded (complete unless given) and a pre-dose C-SSRS of the given risk.</summary>
    public static DosingSession Prepared(Guid? protocolId = null, PreDoseChecklist? checklist = null, RiskLevel? cssrs = RiskLevel.Low)
    {
        var session = New(protocolId);
        session.RecordChecklist(checklist ?? Complete, Start.AddMinutes(10));
        if (cssrs is { } risk)
        {
            session.RecordPreDoseCssrs(Guid.NewGuid(), risk, Start.AddMinutes(10));
        }

        return session;
    }

    public static PreDoseChecklist WithVitals(int? systolic, int? diastolic, int? heartRate = 72, int? spO2 = 98) =>
        Complete with { PreDoseVitals = new VitalSigns(systolic, diastolic, heartRate, spO2, 14) };

    public static IReadOnlyList<GateFinding> Gates(DosingSession session, decimal? doseMg = null, Readiness? readiness = null, DosingThresholds? thresholds = null) =>
        DosingGates.Evaluate(session, readiness ?? Ready, thresholds ?? DosingThresholds.Defaults, doseMg, session.TotalDoseMg);

    /// <summary>What the session's drug and route take by default: IM 50 mg, sublingual 200 mg, esketamine 2 devices, IV 35 mg over 40 min.</summary>
    public static DoseDetails Dose(DosingSession session, decimal? doseMg = null, DateTimeOffset? at = null, int? devices = null, DateTimeOffset? infusionEnd = null)
    {
        var given = at ?? DoseAt;
        var esketamine = session.Drug == DrugKind.Esketamine;
        var mg = doseMg ?? (esketamine ? 56m : session.Route switch
        {
            AdministrationRoute.Sublingual => 200m,
            AdministrationRoute.Intravenous => 35m,
            _ => 50m,
        });
        return new DoseDetails(
            session.Drug, session.Route, mg, ConcentrationMgPerMl: null, VolumeMl: null, given, infusionEnd, InfusionRateMlPerHour: null,
            esketamine ? devices ?? (int)(mg / DoseAdministration.EsketamineMgPerDevice) : devices, "LOT-2291", TestNotes.Author.Id, PrescriberId);
    }

    /// <summary>A prepared session with its dose given at <see cref="DoseAt"/> (no holds).</summary>
    public static DosingSession Dosed(Guid? protocolId = null, DateTimeOffset? infusionEnd = null)
    {
        var session = Prepared(protocolId);
        Give(session, Dose(session, infusionEnd: infusionEnd), null, DoseAt.AddMinutes(1));
        return session;
    }

    public static DischargeAssessment Discharge(DateTimeOffset at) =>
        new(true, true, true, true, true, true, at, "Sam Lee (partner)", ReadyToLeaveAt: null);

    /// <summary>Dosed (see <see cref="Dosed"/>) with a normal reading 30 min after the dose: the vitals a discharge needs.</summary>
    public static DosingSession Checked(Guid? protocolId = null, DateTimeOffset? infusionEnd = null)
    {
        var session = Dosed(protocolId, infusionEnd);
        AddReading(session, DoseAt.AddMinutes(30));
        return session;
    }

    /// <summary>
    /// Dosed (IM KAP by default), discharged 2 h after the dose (after a normal reading at 110 min when
    /// <paramref name="beforeSigning"/> added no blood pressure), and signed by its author.
    /// </summary>
    public static DosingSession Signed(Guid? protocolId = null, Action<DosingSession>? beforeSigning = null)
    {
        var session = Dosed(protocolId);
        beforeSigning?.Invoke(session);
        if (!session.Readings.Any(r => r.Vitals.HasBloodPressure))
        {
            AddReading(session, DoseAt.AddMinutes(110));
        }

        session.Discharge(Discharge(DoseAt.AddMinutes(120)) with { ReadyToLeaveAt = session.Drug == DrugKind.Esketamine ? DoseAt.AddMinutes(100) : null }, DosingThresholds.Defaults, Now);
        session.Sign(TestNotes.Author, Now);
        return session;
    }

    public static SessionHeader Header(DosingSession session) =>
        new(session.Id, session.PatientId, session.StartedAt, session.DischargedAt, session.IsSigned);

    /// <summary>A reading recorded as the monitoring service does, and put on the session's timeline (the service saves it as a row of its own).</summary>
    public static VitalsReading AddReading(DosingSession session, DateTimeOffset at, VitalSigns? vitals = null) =>
        Attach(session, VitalsReading.Record(Header(session), new VitalsReadingValues(at, vitals ?? NormalVitals, 5, Dissociation.Absent, null, Nausea.None, null), TestNotes.Author.Id, Now));

    /// <summary>Puts a recorded reading on the session's timeline, as loading the session with its rows does.</summary>
    public static VitalsReading Attach(DosingSession session, VitalsReading reading)
    {
        ((List<VitalsReading>)typeof(DosingSession).GetField("readings", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(session)!).Add(reading);
        return reading;
    }
}
