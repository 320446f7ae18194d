using System.Reflection;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.Core.Tests.Notes;
using static KapClinic.Core.Tests.Dosing.TestDosingSessions;

namespace KapClinic.Core.Tests.Dosing;

public sealed class DosingSessionSigningTests
{
    [Fact]
    public void Signing_is_refused_before_the_dose_and_before_the_discharge()
    {
        var undosed = Prepared();
        var dosed = Dosed();

        Assert.Equal("Record the dose (or that it was withheld) before signing.", Assert.Throws<RuleViolationException>(() => undosed.Sign(TestNotes.Author, Now)).Message);
        Assert.Equal("Complete the discharge assessment before signing.", Assert.Throws<RuleViolationException>(() => dosed.Sign(TestNotes.Author, Now)).Message);
        Assert.False(undosed.IsSigned || dosed.IsSigned);
    }

    [Fact]
    public void A_session_whose_dose_was_withheld_can_be_signed_without_a_discharge()
    {
        var session = Prepared(checklist: WithVitals(170, 105));
        session.WithholdDose("BP stayed high after rest.", Now);

        session.Sign(TestNotes.Author, Now);

        Assert.True(session.IsSigned);
        Assert.True(session.VerifyHash());
        Assert.Contains("\"dose.withheld\":\"BP stayed high after rest.\"", session.CanonicalContent().ToCanonicalJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_session_refuses_every_change()
    {
        var session = Signed(DefaultProtocols.ImKapId);

        Assert.All(
            new Action[]
            {
                () => session.RecordChecklist(Complete, Now),
                () => session.RecordPreDoseCssrs(Guid.NewGuid(), RiskLevel.Low, Now),
                () => Give(session, Dose(session), null, Now),
                () => session.EndInfusion(session.Administrations[0].Id, Now, null, Now),
                () => session.Discharge(Discharge(Now), DosingThresholds.Defaults, Now),
                () => session.WithholdDose("Late.", Now),
                () => session.RecordPatientAccount("Rewritten.", Now),
            },
            change => Assert.Contains("can no longer be edited", Assert.Throws<RuleViolationException>(change).Message, StringComparison.Ordinal));
        Assert.Single(session.Administrations);
        Assert.True(session.VerifyHash());
    }

    [Fact]
    public void A_reading_on_a_signed_session_is_refused()
    {
        var session = Signed();

        var refusal = Assert.Throws<RuleViolationException>(() => AddReading(session, DoseAt.AddMinutes(30)));

        Assert.Equal("This session is signed and can no longer change. Add an addendum instead.", refusal.Message);
    }

    [Fact]
    public void The_content_hash_covers_the_readings_the_dose_and_the_overrides()
    {
        var session = Signed(beforeSigning: s =>
        {
            AddReading(s, DoseAt.AddMinutes(15), new VitalSigns(142, 88, 84, 97, 14));
            AddReading(s, DoseAt.AddMinutes(30));
        });
        var json = session.CanonicalContent().ToCanonicalJson();

        Assert.True(session.VerifyHash());
        Assert.Contains("\"dose.reading.000.vitals\":\"142/88 hr 84 spo2 97 rr 14\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dose.admin.00.what\":\"Ketamine Intramuscular 50 mg\"", json, StringComparison.Ordinal);

        Set(session.Readings[0], nameof(VitalsReading.Systolic), 122);
        Assert.False(session.VerifyHash());
        Set(session.Readings[0], nameof(VitalsReading.Systolic), 142);
        Assert.True(session.VerifyHash());
        Set(session.Administrations[0], nameof(DoseAdministration.DoseMg), 60m);
        Assert.False(session.VerifyHash());
    }

    [Fact]
    public void Two_sessions_differing_only_in_a_reading_hash_differently()
    {
        var first = Signed(beforeSigning: s => AddReading(s, DoseAt.AddMinutes(15)));
        var second = Signed(beforeSigning: s => AddReading(s, DoseAt.AddMinutes(15)));
        Set(second, "Id", first.Id);
        Set(second, nameof(DosingSession.PreDoseCssrsMeasureId), first.PreDoseCssrsMeasureId!.Value);
        Set(second.Readings[0], nameof(VitalsReading.Id), first.Readings[0].Id);
        Set(second.Administrations[0], nameof(DoseAdministration.Id), first.Administrations[0].Id);
        Assert.Equal(first.ComputeHash(), second.ComputeHash());

        Set(second.Readings[0], nameof(VitalsReading.SpO2), 93);
        Assert.NotEqual(first.ComputeHash(), second.ComputeHash());
    }

    [Fact]
    public void An_override_is_part_of_the_signed_content()
    {
        var session = Prepared(checklist: WithVitals(165, 95));
        Give(session, Dose(session), Override, DoseAt.AddMinutes(1));
        AddReading(session, DoseAt.AddMinutes(30));
        session.Discharge(Discharge(DoseAt.AddMinutes(90)), DosingThresholds.Defaults, Now);
        session.Sign(TestNotes.Author, Now);

        Assert.Contains($"\"dose.override.00.reason\":\"{ReasonFor(session.Overrides[0].Gate)}\"", session.CanonicalContent().ToCanonicalJson(), StringComparison.Ordinal);
        Set(session.Overrides[0], nameof(GateOverride.Reason), "Rewritten reason.");
        Assert.False(session.VerifyHash());
    }

    [Fact]
    public void The_pre_dose_vitals_time_is_kept_to_the_microsecond_so_the_hash_survives_the_database()
    {
        var given = New();
        var defaulted = New();

        given.RecordChecklist(Complete with { PreDoseVitalsAt = Start.AddTicks(7) }, Now);
        defaulted.RecordChecklist(Complete with { PreDoseVitalsAt = null }, Start.AddMinutes(10).AddTicks(3));

        Assert.Equal(Start, given.PreDoseVitalsAt);
        Assert.Equal(Start.AddMinutes(10), defaulted.PreDoseVitalsAt);
        Assert.Equal(NoteTime.ToStored(given.PreDoseVitalsAt!.Value), given.PreDoseVitalsAt);
    }

    private static void Set(object target, string property, object value)
    {
        var type = target.GetType();
        PropertyInfo? info = null;
        while (info?.SetMethod is null && type is not null)
        {
            info = type.GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            type = type.BaseType;
        }

        info!.SetValue(target, value);
    }
}
