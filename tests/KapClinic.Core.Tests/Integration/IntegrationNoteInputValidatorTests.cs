using FluentValidation;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;

namespace KapClinic.Core.Tests.Integration;

public sealed class IntegrationNoteInputValidatorTests
{
    private static readonly IntegrationNoteInputValidator Validator = new();

    [Fact]
    public void A_draft_needs_only_the_session_details()
    {
        Assert.True(Validator.Validate(Input()).IsValid);
    }

    [Fact]
    public void Signing_a_dap_note_asks_for_data_assessment_plan_and_the_risk_check()
    {
        var result = Sign(Input());

        Assert.Equal(
            ["Assessment", "Data", "Plan", "RiskMethod"],
            result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Signing_a_soap_note_asks_for_subjective_objective_assessment_and_plan()
    {
        var input = Input();
        input.Format = NoteFormat.Soap;
        input.RiskMethod = RiskCheckMethod.ClinicianJudgement;

        var result = Sign(input);

        Assert.Equal(
            ["Assessment", "Objective", "Plan", "RiskLevel", "RiskNote", "Subjective"],
            result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, e => e.ErrorMessage == "Write the Subjective part of the SOAP note before signing.");
    }

    [Fact]
    public void Text_in_a_part_of_the_other_format_is_named_beside_that_part()
    {
        var dap = Input();
        dap.Objective = "Observed calm.";
        var soap = Input();
        soap.Format = NoteFormat.Soap;
        soap.Data = "Typed before switching.";

        Assert.Equal("Objective", Assert.Single(Validator.Validate(dap).Errors).PropertyName);
        var error = Assert.Single(Validator.Validate(soap).Errors);
        Assert.Equal("Data", error.PropertyName);
        Assert.StartsWith("Data is part of a DAP note.", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Homework_rows_are_checked_one_by_one_and_empty_rows_are_ignored()
    {
        var input = Input();
        input.Homework =
        [
            new HomeworkInput { CarriedFromItemId = Guid.NewGuid(), Text = "Breath practice", Status = HomeworkStatus.Open },
            new HomeworkInput { Text = "", Status = HomeworkStatus.Open },
            new HomeworkInput { Text = new string('h', 1_001), Status = HomeworkStatus.Open },
        ];

        Assert.Equal("Homework[2].Text", Assert.Single(Validator.Validate(input).Errors).PropertyName);
        input.Homework[2].Text = "Body scan";
        var signing = Sign(input);
        var carried = Assert.Single(signing.Errors, e => e.PropertyName.StartsWith("Homework", StringComparison.Ordinal));
        Assert.Equal("Homework[0].Status", carried.PropertyName);
        Assert.Equal("Mark this carried-forward item done, in progress or dropped before signing.", carried.ErrorMessage);
    }

    [Fact]
    public void Other_needs_its_name_and_narratives_say_how_far_past_50000_characters_they_are()
    {
        var input = Input();
        input.Approaches = [IntegrationApproach.Other];
        input.Insights = new string('i', 50_005);

        var errors = Validator.Validate(input).Errors;

        Assert.Contains(errors, e => e.PropertyName == "OtherApproach" && e.ErrorMessage == "Say which other approach was used.");
        Assert.Contains(errors, e => e.PropertyName == "Insights" && e.ErrorMessage.StartsWith("Insights can be at most 50,000 characters; this one has 50,005.", StringComparison.Ordinal));
    }

    private static IntegrationNoteInput Input() => new()
    {
        OccurredAt = new DateTime(2026, 3, 10, 9, 0, 0),
        DurationMinutes = 50,
        Modality = SessionModality.InPerson,
        Format = NoteFormat.Dap,
    };

    private static FluentValidation.Results.ValidationResult Sign(IntegrationNoteInput input) =>
        Validator.Validate(input, o => o.IncludeRuleSets(IntegrationNoteInputValidator.RuleSetsFor(sign: true)));
}
