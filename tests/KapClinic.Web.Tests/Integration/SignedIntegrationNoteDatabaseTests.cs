using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static KapClinic.Web.Tests.Integration.IntegrationData;

namespace KapClinic.Web.Tests.Integration;

/// <summary>The database's half of "a signed integration note never changes": its row and its homework rows.</summary>
public sealed class SignedIntegrationNoteDatabaseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData("UPDATE integration_notes SET data = 'Rewritten' WHERE id = {0}")]
    [InlineData("UPDATE integration_notes SET themes = ARRAY['Trauma'] WHERE id = {0}")]
    [InlineData("DELETE FROM integration_notes WHERE id = {0}")]
    [InlineData("UPDATE integration_homework_items SET status = 'Done' WHERE note_id = {0}")]
    [InlineData("UPDATE integration_homework_items SET text = 'Rewritten' WHERE note_id = {0}")]
    [InlineData("DELETE FROM integration_homework_items WHERE note_id = {0}")]
    [InlineData("INSERT INTO integration_homework_items (id, note_id, patient_id, position, text, status) SELECT gen_random_uuid(), id, patient_id, 9, 'Added later', 'Open' FROM clinical_notes WHERE id = {0}")]
    public async Task A_raw_change_to_a_signed_integration_note_or_its_homework_is_refused_by_the_database(string sql)
    {
        var (noteId, _) = await SignedNoteAsync();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql, noteId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Contains("is signed", refusal.MessageText, StringComparison.Ordinal);
        var note = await LoadAsync(App, noteId);
        Assert.Equal((DistinctiveSentence, "Breath practice", HomeworkStatus.Open), (note.Data, Assert.Single(note.Homework).Text, note.Homework[0].Status));
        Assert.True(note.VerifyHash());
    }

    [Fact]
    public async Task A_homework_row_cannot_be_moved_onto_a_signed_note()
    {
        var (signedId, patientId) = await SignedNoteAsync();
        var courseId = (await LoadAsync(App, signedId)).CourseId;
        var draftId = await NoteAsync(App, patientId, courseId, await TestUsers.CreateAsync(App, ClinicRoles.Clinician), [("Draft item", HomeworkStatus.Open)], sign: false);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            "UPDATE integration_homework_items SET note_id = {0} WHERE note_id = {1} AND carried_from_item_id IS NULL", signedId, draftId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Single((await LoadAsync(App, signedId)).Homework);
    }

    [Fact]
    public async Task A_drafts_row_and_homework_can_still_be_changed_and_xmin_adds_no_column()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var draftId = await NoteAsync(App, patientId, courseId, await TestUsers.CreateAsync(App, ClinicRoles.Clinician), [("Breath practice", HomeworkStatus.Open)], sign: false);

        await ExecuteAsync("UPDATE integration_notes SET data = 'Still a draft' WHERE id = {0}", draftId);
        await ExecuteAsync("UPDATE integration_homework_items SET status = 'Done' WHERE note_id = {0}", draftId);

        var draft = await LoadAsync(App, draftId);
        Assert.Equal(("Still a draft", HomeworkStatus.Done), (draft.Data, draft.Homework[0].Status));
        await using var scope = App.Services.CreateAsyncScope();
        var columns = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.SqlQuery<string>(
            $"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name IN ('integration_notes', 'integration_homework_items', 'integration_themes')").ToListAsync();
        Assert.DoesNotContain("xmin", columns);
    }

    private async Task<(Guid NoteId, Guid PatientId)> SignedNoteAsync()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var authorId = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        return (await NoteAsync(App, patientId, courseId, authorId, [("Breath practice", HomeworkStatus.Open)]), patientId);
    }

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.ExecuteSqlRawAsync(sql, parameters);
    }
}
