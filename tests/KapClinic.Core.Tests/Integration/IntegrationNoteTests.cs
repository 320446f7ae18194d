using KapClinic.Core.Common;
using KapClinic.Core.Integration;
using KapClinic.Core.Tests.Notes;
using static KapClinic.Core.Tests.Integration.TestIntegrationNotes;

namespace KapClinic.Core.Tests.Integration;

public sealed class IntegrationNoteTests
{
    [Fact]
    public void A_signed_integration_note_cannot_be_edited_and_its_homework_is_part_of_its_hash()
    {
        var note = Signed(New("Breath practice"));
        var hash = note.ContentHash;

        var refusal = Assert.Throws<RuleViolationException>(() => note.Update(Content(New("Changed afterwards")), TestNotes.Now.AddMinutes(1)));

        Assert.Contains("can no longer be edited", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("Breath practice", Assert.Single(note.Homework).Text);
        Assert.Equal(hash, note.ContentHash);
        Assert.True(note.VerifyHash());
        Assert.Contains("\"int.homework.00.text\":\"Breath practice\"", note.CanonicalContent().ToCanonicalJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_homework_status_changed_behind_the_domains_back_breaks_the_hash()
    {
        var note = Signed(New("Breath practice"));

        typeof(HomeworkItem).GetProperty(nameof(HomeworkItem.Status))!.SetValue(note.Homework[0], HomeworkStatus.Done);

        Assert.False(note.VerifyHash());
    }

    [Fact]
    public void A_dap_note_signs_with_data_assessment_and_plan()
    {
        var note = Draft(Content() with { Data = " " });

        var refusal = Assert.Throws<RuleViolationException>(() => note.Sign(TestNotes.Author, TestNotes.Now));

        Assert.Equal("Data", refusal.Field);
        Assert.Equal("Write the Data part of the DAP note before signing.", refusal.Message);
        note.Update(Content(), TestNotes.Now);
        note.Sign(TestNotes.Author, TestNotes.Now);
        Assert.True(note.IsSigned);
    }

    [Fact]
    public void A_soap_note_needs_subjective_and_objective_and_holds_no_data()
    {
        var soap = Content() with { Format = NoteFormat.Soap, Data = null, Subjective = "Feels lighter.", Objective = null };
        var note = Draft(soap);

        var missing = Assert.Throws<RuleViolationException>(() => note.Sign(TestNotes.Author, TestNotes.Now));
        Assert.Equal("Objective", missing.Field);

        var withData = Assert.Throws<RuleViolationException>(() => Draft(soap with { Data = "Typed under DAP." }));
        Assert.Equal("Data", withData.Field);
        Assert.Contains("part of a DAP note", withData.Message, StringComparison.Ordinal);

        note.Update(soap with { Objective = "Calm, tearful at times." }, TestNotes.Now);
        note.Sign(TestNotes.Author, TestNotes.Now);
        Assert.True(note.VerifyHash());
    }

    [Fact]
    public void A_dap_note_refuses_soap_parts_rather_than_dropping_them()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => Draft(Content() with { Subjective = "Typed under SOAP." }));

        Assert.Equal("Subjective", refusal.Field);
        Assert.Contains("part of a SOAP note", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_needs_a_risk_check_and_clinical_judgement_needs_its_note()
    {
        var none = Draft(Content() with { RiskMethod = null, RiskLevel = null, RiskNote = null });
        Assert.Equal("RiskMethod", Assert.Throws<RuleViolationException>(() => none.Sign(TestNotes.Author, TestNotes.Now)).Field);

        var noNote = Draft(Content() with { RiskNote = "  " });
        Assert.Equal("RiskNote", Assert.Throws<RuleViolationException>(() => noNote.Sign(TestNotes.Author, TestNotes.Now)).Field);

        var screener = Assert.Throws<RuleViolationException>(() => Draft(Content() with { RiskMethod = RiskCheckMethod.CssrsScreener, RiskLevel = RiskLevel.High }));
        Assert.Equal("RiskMethod", screener.Field);
    }

    [Theory]
    [InlineData(RiskLevel.Low, false)]
    [InlineData(RiskLevel.Moderate, true)]
    [InlineData(RiskLevel.High, true)]
    public void Moderate_and_high_risk_raise_the_notes_alert(RiskLevel level, bool alert)
    {
        var note = Draft(Content() with { RiskLevel = level });

        Assert.Equal(alert, note.HasRiskAlert);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var note = Draft(Content(New("Breath practice")));

        Assert.Throws<RuleViolationException>(() => note.Update(Content(New("Other")) with { Plan = new string('p', 50_001) }, TestNotes.Now));
        Assert.Throws<RuleViolationException>(() => note.Update(Content() with { Approaches = [IntegrationApproach.Other] }, TestNotes.Now));

        Assert.Equal("Continue homework.", note.Plan);
        Assert.Equal("Breath practice", Assert.Single(note.Homework).Text);
        Assert.Equal(TestNotes.Now.AddHours(-1), note.UpdatedAt);
    }
}
