using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Preparation;
using KapClinic.Core.Tests.Notes;

namespace KapClinic.Core.Tests.Preparation;

public sealed class PreparationSessionTests
{
    [Fact]
    public void A_draft_can_be_edited_and_trims_blank_text_to_nothing()
    {
        var note = TestNotes.Draft();

        note.Update(TestNotes.Content() with { Intentions = "   ", Plan = "  Book dosing.  " }, TestNotes.Now);

        Assert.Null(note.Intentions);
        Assert.Equal("Book dosing.", note.Plan);
        Assert.Equal(TestNotes.Now, note.UpdatedAt);
    }

    [Fact]
    public void A_decision_needs_its_rationale()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => TestNotes.Draft(TestNotes.Content() with { DecisionRationale = " " }));

        Assert.Equal("DecisionRationale", refusal.Field);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var note = TestNotes.Draft();

        Assert.Throws<RuleViolationException>(() => note.Update(TestNotes.Content(data: new string('d', 50_001)), TestNotes.Now));
        Assert.Throws<RuleViolationException>(() => note.Update(TestNotes.Content() with { DurationMinutes = 0 }, TestNotes.Now));

        Assert.Equal("Patient arrived on time.", note.Data);
        Assert.Equal(50, note.DurationMinutes);
        Assert.Equal(TestNotes.Now.AddHours(-1), note.UpdatedAt);
    }

    [Fact]
    public void Ready_cannot_be_signed_without_the_screening_reviewed()
    {
        var note = TestNotes.Draft(TestNotes.Content() with { ReviewedScreeningId = null });

        var refusal = Assert.Throws<RuleViolationException>(() => note.Sign(TestNotes.Author, TestNotes.Now));

        Assert.Equal("ScreeningReviewed", refusal.Field);
    }

    [Fact]
    public void The_validator_asks_for_the_narrative_only_when_signing()
    {
        var validator = new PreparationSessionInputValidator();
        var input = new PreparationSessionInput { OccurredAt = new DateTime(2026, 3, 10, 9, 0, 0), DurationMinutes = 50, Modality = Core.Notes.SessionModality.Telehealth };

        Assert.True(validator.Validate(input).IsValid);
        var signing = validator.Validate(input, o => o.IncludeRuleSets("default", PreparationSessionInputValidator.SignRuleSet));
        Assert.Contains(signing.Errors, e => e.PropertyName == "Data");
        Assert.Contains(signing.Errors, e => e.PropertyName == "Decision");
    }

    [Fact]
    public void The_validator_says_how_far_past_50000_characters_a_field_is()
    {
        var validator = new PreparationSessionInputValidator();
        var input = new PreparationSessionInput { OccurredAt = DateTime.Today, DurationMinutes = 50, Modality = Core.Notes.SessionModality.InPerson, Assessment = new string('x', 50_010) };

        var error = Assert.Single(validator.Validate(input).Errors);

        Assert.Equal("Assessment", error.PropertyName);
        Assert.StartsWith("Assessment can be at most 50,000 characters; this one has 50,010.", error.ErrorMessage, StringComparison.Ordinal);
    }
}
