using KapClinic.Core.Common;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;

namespace KapClinic.Core.Tests.Notes;

public sealed class ClinicalNoteTests
{
    [Fact]
    public void Signing_records_the_signer_time_meaning_and_a_hash_and_locks_the_note()
    {
        var note = TestNotes.Draft();

        note.Sign(TestNotes.Author, TestNotes.Now);

        Assert.Equal(NoteStatus.Signed, note.Status);
        var signature = Assert.IsType<NoteSignature>(note.Signature);
        Assert.Equal("Dr A. Rivera, PsyD", signature.DisplayName);
        Assert.Equal(TestNotes.Now, signature.SignedAt);
        Assert.Equal(TimeSpan.Zero, signature.SignedAt.Offset);
        Assert.Equal(SignatureMeanings.Authored, signature.Meaning);
        Assert.Matches("^[0-9a-f]{64}$", note.ContentHash);
        Assert.True(note.VerifyHash());
    }

    [Fact]
    public void A_note_is_signed_once()
    {
        var note = TestNotes.Signed();
        var hash = note.ContentHash;

        var refusal = Assert.Throws<RuleViolationException>(() => note.Sign(TestNotes.Author, TestNotes.Now.AddMinutes(5)));

        Assert.Contains("already signed", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(TestNotes.Now, note.SignedAt);
        Assert.Equal(hash, note.ContentHash);
    }

    [Fact]
    public void A_signed_note_cannot_be_edited()
    {
        var note = TestNotes.Signed();

        var refusal = Assert.Throws<RuleViolationException>(() => note.Update(TestNotes.Content(data: "Changed afterwards."), TestNotes.Now.AddMinutes(1)));

        Assert.Contains("can no longer be edited", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("Patient arrived on time.", note.Data);
        Assert.True(note.VerifyHash());
    }

    [Fact]
    public void Only_the_author_signs_their_draft()
    {
        var note = TestNotes.Draft();
        var colleague = new NoteSigner(Guid.NewGuid(), "J. Chen", "LCSW", IsSupervisor: true);

        Assert.Throws<RuleViolationException>(() => note.Sign(colleague, TestNotes.Now));

        Assert.Equal(NoteStatus.Draft, note.Status);
        Assert.Null(note.ContentHash);
    }

    [Fact]
    public void An_incomplete_draft_cannot_be_signed()
    {
        var note = TestNotes.Draft(TestNotes.Content(decision: null));

        var refusal = Assert.Throws<RuleViolationException>(() => note.Sign(TestNotes.Author, TestNotes.Now));

        Assert.Equal("Decision", refusal.Field);
        Assert.False(note.IsSigned);
    }

    [Fact]
    public void An_addendum_needs_a_signed_note_and_is_signed_by_its_own_author()
    {
        var draft = TestNotes.Draft();
        Assert.Throws<RuleViolationException>(() => draft.AddAddendum(TestNotes.Author, "Late entry.", TestNotes.Now));
        Assert.Empty(draft.Addenda);

        var note = TestNotes.Signed();
        var colleague = new NoteSigner(Guid.NewGuid(), "J. Chen", "LCSW", IsSupervisor: false);
        var addendum = note.AddAddendum(colleague, "Patient called: ride confirmed.", TestNotes.Now.AddHours(3));

        Assert.Same(addendum, Assert.Single(note.Addenda));
        Assert.Equal(colleague.Id, addendum.AuthorId);
        Assert.Equal("J. Chen, LCSW", addendum.Signature.DisplayName);
        Assert.Equal(TestNotes.Now.AddHours(3), addendum.SignedAt);
        Assert.Equal(SignatureMeanings.AuthoredAddendum, addendum.SignatureMeaning);
        Assert.True(addendum.VerifyHash());
        Assert.True(note.VerifyHash());
    }

    [Fact]
    public void An_addendum_is_required_and_at_most_50000_characters()
    {
        var note = TestNotes.Signed();

        Assert.Equal("Text", Assert.Throws<RuleViolationException>(() => note.AddAddendum(TestNotes.Author, "  ", TestNotes.Now)).Field);
        var tooLong = Assert.Throws<RuleViolationException>(() => note.AddAddendum(TestNotes.Author, new string('a', 50_001), TestNotes.Now));
        Assert.Contains("at most 50,000 characters", tooLong.Message, StringComparison.Ordinal);
        note.AddAddendum(TestNotes.Author, new string('a', 50_000), TestNotes.Now);
        Assert.Single(note.Addenda);
    }

    [Fact]
    public void A_supervisor_who_is_not_the_author_co_signs_a_signed_note_once()
    {
        var note = TestNotes.Signed();

        var coSignature = note.CoSign(TestNotes.Supervisor, TestNotes.Now.AddDays(1));

        Assert.Equal("Dr S. Okafor, MD", coSignature.Signature.DisplayName);
        Assert.Equal(SignatureMeanings.CoSigned, coSignature.SignatureMeaning);
        Assert.Equal(note.ContentHash, coSignature.NoteContentHash);
        var again = Assert.Throws<RuleViolationException>(() => note.CoSign(TestNotes.Supervisor, TestNotes.Now.AddDays(2)));
        Assert.Contains("already co-signed", again.Message, StringComparison.Ordinal);
        Assert.Same(coSignature, note.CoSignature);
    }

    [Fact]
    public void Co_signing_is_for_supervisors_only_never_the_author_and_never_a_draft()
    {
        var notSupervisor = new NoteSigner(Guid.NewGuid(), "J. Chen", "LCSW", IsSupervisor: false);
        var authorAsSupervisor = TestNotes.Author with { IsSupervisor = true };

        Assert.Throws<RuleViolationException>(() => TestNotes.Signed().CoSign(notSupervisor, TestNotes.Now));
        Assert.Throws<RuleViolationException>(() => TestNotes.Signed().CoSign(authorAsSupervisor, TestNotes.Now));
        Assert.Throws<RuleViolationException>(() => TestNotes.Draft().CoSign(TestNotes.Supervisor, TestNotes.Now));
    }

    [Theory]
    [InlineData(nameof(PreparationSession.Data), "Patient arrived late.")]
    [InlineData(nameof(PreparationSession.DecisionRationale), "Not ready at all.")]
    [InlineData(nameof(ClinicalNote.SignerName), "Someone Else")]
    public void A_field_changed_behind_the_domain_after_signing_fails_verification(string property, string tampered)
    {
        var note = TestNotes.Signed();
        Assert.True(note.VerifyHash());

        var declared = typeof(PreparationSession).GetProperty(property)!.DeclaringType!;
        declared.GetProperty(property)!.SetValue(note, tampered);

        Assert.False(note.VerifyHash());
    }

    [Fact]
    public void A_changed_time_or_decision_fails_verification()
    {
        var note = TestNotes.Signed();

        typeof(ClinicalNote).GetProperty(nameof(ClinicalNote.OccurredAt))!.SetValue(note, note.OccurredAt.AddMinutes(1));
        Assert.False(note.VerifyHash());

        var other = TestNotes.Signed();
        typeof(PreparationSession).GetProperty(nameof(PreparationSession.Decision))!.SetValue(other, ReadinessDecision.NotYet);
        Assert.False(other.VerifyHash());
    }

    [Fact]
    public void A_draft_never_verifies()
    {
        Assert.False(TestNotes.Draft().VerifyHash());
    }
}
