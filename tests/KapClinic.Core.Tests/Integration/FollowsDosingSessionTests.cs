using KapClinic.Core.Courses;
using KapClinic.Core.Integration;
using KapClinic.Core.Tests.Notes;
using static KapClinic.Core.Tests.Integration.TestIntegrationNotes;

namespace KapClinic.Core.Tests.Integration;

/// <summary>The dosing session an integration note follows is part of its signed content, and a new note suggests the latest.</summary>
public sealed class FollowsDosingSessionTests
{
    [Fact]
    public void The_followed_dosing_session_is_part_of_the_hash_and_changing_it_behind_the_domains_back_breaks_it()
    {
        var dosingId = Guid.NewGuid();
        var note = Draft(Content() with { FollowsDosingSessionId = dosingId });
        note.Sign(TestNotes.Author, TestNotes.Now);

        Assert.Contains($"\"int.followsDosingSessionId\":\"{dosingId}\"", note.CanonicalContent().ToCanonicalJson(), StringComparison.OrdinalIgnoreCase);
        Assert.True(note.VerifyHash());

        typeof(IntegrationNote).GetProperty(nameof(IntegrationNote.FollowsDosingSessionId))!.SetValue(note, Guid.NewGuid());

        Assert.False(note.VerifyHash());
    }

    [Fact]
    public void Two_drafts_that_differ_only_in_the_followed_session_hash_differently()
    {
        var note = Draft(Content() with { FollowsDosingSessionId = Guid.NewGuid() });
        var before = note.ComputeHash();

        note.Update(Content() with { FollowsDosingSessionId = Guid.NewGuid() }, TestNotes.Now.AddMinutes(-30));

        Assert.NotEqual(before, note.ComputeHash());
    }

    [Fact]
    public void A_new_note_suggests_the_latest_session_dosed_before_it()
    {
        var at = new DateTimeOffset(2026, 11, 10, 15, 0, 0, TimeSpan.Zero);
        FollowableDosingSession Session(int daysBefore) => new(Guid.NewGuid(), at.AddDays(-daysBefore), at.AddDays(-daysBefore).AddMinutes(20), DrugKind.Ketamine, 35m);
        var older = Session(7);
        var latest = Session(2);
        var later = Session(-1);

        Assert.Equal(latest.Id, FollowableDosingSession.LatestBefore([older, later, latest], at)?.Id);
        Assert.Null(FollowableDosingSession.LatestBefore([later], at));
        Assert.Equal("Ketamine 35 mg", latest.DoseText);
    }
}
