using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Notes;
using static KapClinic.Core.Tests.Dosing.ValidationAssert;

namespace KapClinic.Core.Tests.Dosing;

public sealed class DoseEventDischargeValidatorTests
{
    private static readonly DateTime At = new(2026, 3, 10, 10, 30, 0);
    private static readonly DoseInputValidator Dose = new();
    private static readonly AdverseEventInputValidator Event = new();
    private static readonly DischargeInputValidator Discharge = new();

    [Fact]
    public void An_empty_dose_form_asks_for_route_dose_time_lot_and_who_gave_it()
    {
        var result = Dose.Validate(new DoseInput());

        HasError(result, "DoseMg", "Enter the dose in mg.");
        HasError(result, "AdministeredAt", "Enter when the dose was given.");
        HasError(result, "LotNumber", "Enter the lot number of the product given.");
        HasError(result, "GivenById", "Choose who gave the dose.");
        Assert.Equal(4, result.Errors.Count);
        Assert.True(Dose.Validate(ValidDose()).IsValid);
    }

    [Fact]
    public void Each_dose_rule_gives_its_message()
    {
        OnlyError(Dose.Validate(ValidDose(d => d.Route = (AdministrationRoute)42)), "Route", "Choose the route.");
        OnlyError(Dose.Validate(ValidDose(d => d.DoseMg = 0)), "DoseMg", "The dose must be more than 0 mg.");
        OnlyError(Dose.Validate(ValidDose(d => d.DoseMg = 2000.01m)), "DoseMg", "The dose must be at most 2000 mg.");
        OnlyError(Dose.Validate(ValidDose(d => d.LotNumber = new string('L', 41))), "LotNumber", "The lot number can be at most 40 characters.");
        OnlyError(Dose.Validate(ValidDose(d => d.ConcentrationMgPerMl = 0)), "ConcentrationMgPerMl", "The concentration must be more than 0 mg/mL.");
        OnlyError(Dose.Validate(ValidDose(d => d.VolumeMl = -1)), "VolumeMl", "The volume must be more than 0 mL.");
        OnlyError(Dose.Validate(ValidDose(d => d.InfusionRateMlPerHour = 0)), "InfusionRateMlPerHour", "The rate must be more than 0 mL/h.");
        OnlyError(Dose.Validate(ValidDose(d => d.InfusionEndAt = At)), "InfusionEndAt", "The infusion must end after it started.");
        OnlyError(Dose.Validate(ValidDose(d => d.DeviceCount = 4)), "DeviceCount", "Esketamine uses 1-3 devices of 28 mg.");
        OnlyError(Dose.Validate(ValidDose(d => d.DeviceCount = 0)), "DeviceCount", "Esketamine uses 1-3 devices of 28 mg.");
        OnlyError(Dose.Validate(ValidDose(d => d.OverrideReasons[DosingGate.SpO2Hold] = new string('r', 2001))), "OverrideReasons[SpO2Hold]", "The override reason can be at most 2000 characters.");
        Assert.True(Dose.Validate(ValidDose(d => (d.DoseMg, d.InfusionEndAt, d.DeviceCount, d.OverrideReasons[DosingGate.SpO2Hold]) = (2000m, At.AddMinutes(40), 3, new string('r', 2000)))).IsValid);
        Assert.True(Dose.Validate(ValidDose(d => d.Route = null)).IsValid);
    }

    [Fact]
    public void An_adverse_event_needs_type_severity_onset_and_action()
    {
        var result = Event.Validate(new AdverseEventInput());

        HasError(result, "Type", "Choose the type of event.");
        HasError(result, "Severity", "Choose the severity.");
        HasError(result, "OnsetAt", "Enter when the event began.");
        HasError(result, "ActionTaken", "Enter the action taken (or 'observation only').");
        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public void Each_adverse_event_rule_gives_its_message()
    {
        OnlyError(Event.Validate(ValidEvent(e => e.Type = AdverseEventType.Other)), "OtherType", "Describe the event when its type is Other.");
        OnlyError(Event.Validate(ValidEvent(e => e.OtherType = new string('o', 201))), "OtherType", "The description can be at most 200 characters.");
        OnlyError(Event.Validate(ValidEvent(e => e.Severity = (AdverseEventSeverity)9)), "Severity", "Choose the severity.");
        OnlyError(Event.Validate(ValidEvent(e => e.Type = (AdverseEventType)9)), "Type", "Choose the type of event.");
        OnlyError(Event.Validate(ValidEvent(e => e.ActionTaken = new string('a', 1001))), "ActionTaken", "The action taken can be at most 1000 characters.");
        OnlyError(Event.Validate(ValidEvent(e => e.ResolvedAt = At.AddMinutes(-1))), "ResolvedAt", "An event cannot resolve before its onset.");
        Assert.True(Event.Validate(ValidEvent(e => (e.Type, e.OtherType, e.ResolvedAt) = (AdverseEventType.Other, "Headache", At))).IsValid);
    }

    [Theory]
    [InlineData("VitalsNearBaseline", "Confirm the vitals are back near baseline, or keep monitoring.")]
    [InlineData("AlertAndOriented", "Confirm the patient is alert and oriented, or keep monitoring.")]
    [InlineData("WalkingSteadily", "Confirm the patient walks steadily, or keep monitoring.")]
    [InlineData("NauseaControlled", "Confirm nausea is controlled, or keep monitoring.")]
    [InlineData("ResponsibleAdultPresent", "A responsible adult must be present to take the patient home.")]
    [InlineData("InstructionsGiven", "Give the discharge instructions and confirm it.")]
    public void Each_discharge_criterion_left_unchecked_is_named(string field, string message)
    {
        var input = ValidDischarge();
        typeof(DischargeInput).GetProperty(field)!.SetValue(input, false);

        OnlyError(Discharge.Validate(input), field, message);
    }

    [Fact]
    public void Each_other_discharge_rule_gives_its_message()
    {
        var valid = ValidDischarge();
        Assert.True(Discharge.Validate(valid).IsValid);

        OnlyError(Discharge.Validate(ValidDischarge(d => d.DischargedAt = null)), "DischargedAt", "Enter when the patient left.");
        OnlyError(Discharge.Validate(ValidDischarge(d => d.DischargedWith = " ")), "DischargedWith", "Enter who the patient left with.");
        OnlyError(Discharge.Validate(ValidDischarge(d => d.DischargedWith = new string('w', 121))), "DischargedWith", "At most 120 characters.");
        OnlyError(Discharge.Validate(ValidDischarge(d => d.ReadyToLeaveAt = At.AddMinutes(1))), "ReadyToLeaveAt", "'Ready to leave' cannot be after the discharge.");
        OnlyError(
            Discharge.Validate(ValidDischarge(d => d.PatientAccount = new string('p', NoteLimits.TextMaxLength + 1))),
            "PatientAccount",
            NoteLimits.TooLong("The patient's account", NoteLimits.TextMaxLength + 1));
        Assert.True(Discharge.Validate(ValidDischarge(d => d.ReadyToLeaveAt = At)).IsValid);
    }

    private static DoseInput ValidDose(Action<DoseInput>? change = null)
    {
        var input = new DoseInput { Route = AdministrationRoute.Intramuscular, DoseMg = 50m, AdministeredAt = At, LotNumber = "LOT-2291", GivenById = Guid.NewGuid() };
        change?.Invoke(input);
        return input;
    }

    private static AdverseEventInput ValidEvent(Action<AdverseEventInput>? change = null)
    {
        var input = new AdverseEventInput { Type = AdverseEventType.NauseaVomiting, Severity = AdverseEventSeverity.Mild, OnsetAt = At, ActionTaken = "Ondansetron 4 mg ODT." };
        change?.Invoke(input);
        return input;
    }

    private static DischargeInput ValidDischarge(Action<DischargeInput>? change = null)
    {
        var input = new DischargeInput
        {
            VitalsNearBaseline = true,
            AlertAndOriented = true,
            WalkingSteadily = true,
            NauseaControlled = true,
            ResponsibleAdultPresent = true,
            InstructionsGiven = true,
            DischargedAt = At,
            DischargedWith = "Sam Lee (partner)",
        };
        change?.Invoke(input);
        return input;
    }
}
