using KapClinic.Core.Common;
using KapClinic.Core.Integration;
using KapClinic.Core.Tests.Notes;
using static KapClinic.Core.Tests.Integration.TestIntegrationNotes;

namespace KapClinic.Core.Tests.Integration;

public sealed class HomeworkCarryForwardTests
{
    [Fact]
    public void A_new_note_carries_forward_every_open_and_in_progress_item_of_the_latest_signed_note_in_order()
    {
        var previous = Signed(
            New("Breath practice"), New("Letter to my father", HomeworkStatus.InProgress), New("Walk by the lake", HomeworkStatus.Done),
            New("Call my sister", HomeworkStatus.Dropped), New("Body scan"));

        var next = Draft(latestSigned: previous);

        Assert.Equal(["Breath practice", "Letter to my father", "Body scan"], next.Homework.Select(i => i.Text));
        Assert.Equal([HomeworkStatus.Open, HomeworkStatus.InProgress, HomeworkStatus.Open], next.Homework.Select(i => i.Status));
        Assert.Equal(
            previous.Homework.Where(i => i.IsOutstanding).Select(i => (Guid?)i.Id),
            next.Homework.Select(i => i.CarriedFromItemId));
        Assert.All(next.Homework, i => Assert.NotEqual(i.CarriedFromItemId, i.Id));
    }

    [Fact]
    public void New_items_follow_the_carried_ones_and_blank_new_items_are_refused()
    {
        var previous = Signed(New("Breath practice"));

        var next = Draft(Content(New("Journal about the lake")), previous);

        Assert.Equal(["Breath practice", "Journal about the lake"], next.Homework.OrderBy(i => i.Position).Select(i => i.Text));
        Assert.Null(next.Homework[1].CarriedFromItemId);
        var refusal = Assert.Throws<RuleViolationException>(() => Draft(Content(New("  "))));
        Assert.Equal("Homework", refusal.Field);
    }

    [Fact]
    public void The_clinician_marks_carried_items_done_in_progress_or_dropped_and_their_text_stays_as_it_was()
    {
        var previous = Signed(New("Breath practice"), New("Letter to my father"), New("Body scan"));
        var next = Draft(latestSigned: previous);
        var marks = next.Homework.Select((i, n) => new HomeworkContent(i.CarriedFromItemId, $"Rewritten {n}", (HomeworkStatus)(n + 1))).ToArray();

        next.Update(Content(marks), TestNotes.Now);

        Assert.Equal([HomeworkStatus.InProgress, HomeworkStatus.Done, HomeworkStatus.Dropped], next.Homework.Select(i => i.Status));
        Assert.Equal(["Breath practice", "Letter to my father", "Body scan"], next.Homework.Select(i => i.Text));
        next.Sign(TestNotes.Author, TestNotes.Now);
        Assert.True(next.VerifyHash());
    }

    [Fact]
    public void A_carried_item_left_out_of_an_edit_stays_on_the_note()
    {
        var next = Draft(latestSigned: Signed(New("Breath practice"), New("Body scan")));

        next.Update(Content(New("Something new")), TestNotes.Now);

        Assert.Equal(["Breath practice", "Body scan", "Something new"], next.Homework.Select(i => i.Text));
    }

    [Fact]
    public void A_note_cannot_be_signed_while_a_carried_item_is_still_open()
    {
        var next = Draft(latestSigned: Signed(New("Breath practice"), New("Body scan")));
        next.Update(Marking(next, new Dictionary<string, HomeworkStatus> { ["Breath practice"] = HomeworkStatus.Done }), TestNotes.Now);

        var refusal = Assert.Throws<RuleViolationException>(() => next.Sign(TestNotes.Author, TestNotes.Now));

        Assert.Equal("Homework", refusal.Field);
        Assert.Equal(IntegrationContentRules.CarriedItemsUnreviewed, refusal.Message);
        Assert.False(next.IsSigned);
    }

    [Fact]
    public void An_item_can_only_be_carried_from_the_latest_signed_note_and_only_from_a_signed_note_of_the_course()
    {
        var next = Draft(latestSigned: Signed(New("Breath practice")));

        var stranger = Assert.Throws<RuleViolationException>(() => next.Update(Content(new HomeworkContent(Guid.NewGuid(), "Injected", HomeworkStatus.Done)), TestNotes.Now));
        Assert.Equal("Homework", stranger.Field);
        Assert.Single(next.Homework);

        Assert.Throws<ArgumentException>(() => Draft(latestSigned: Draft()));
        var otherCourse = new IntegrationNote(PatientId, Guid.NewGuid(), TestNotes.Author.Id, Content(), null, TestNotes.Now);
        otherCourse.Sign(TestNotes.Author, TestNotes.Now);
        Assert.Throws<ArgumentException>(() => Draft(latestSigned: otherCourse));
    }

    [Fact]
    public void Only_outstanding_items_carry_on_so_a_done_item_stops_at_the_note_that_marked_it()
    {
        var first = Signed(New("Breath practice"), New("Body scan"));
        var second = Draft(latestSigned: first);
        second.Update(Marking(second, new Dictionary<string, HomeworkStatus> { ["Breath practice"] = HomeworkStatus.Done, ["Body scan"] = HomeworkStatus.InProgress }), TestNotes.Now);
        second.Sign(TestNotes.Author, TestNotes.Now);

        var third = Draft(latestSigned: second);

        var carried = Assert.Single(third.Homework);
        Assert.Equal("Body scan", carried.Text);
        Assert.Equal(second.Homework.Single(i => i.Text == "Body scan").Id, carried.CarriedFromItemId);
    }
}
