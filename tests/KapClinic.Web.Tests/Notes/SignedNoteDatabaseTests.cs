using KapClinic.Core.Data;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KapClinic.Web.Tests.Notes;

/// <summary>The database's half of "a signed note never changes", whatever the client.</summary>
public sealed class SignedNoteDatabaseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Theory]
    [InlineData("UPDATE preparation_sessions SET data = 'Rewritten' WHERE id = {0}")]
    [InlineData("UPDATE clinical_notes SET occurred_at = occurred_at - interval '1 day' WHERE id = {0}")]
    [InlineData("UPDATE clinical_notes SET status = 'Draft', signed_at = NULL, signed_by = NULL, signer_name = NULL, signature_meaning = NULL, content_hash = NULL WHERE id = {0}")]
    [InlineData("DELETE FROM clinical_notes WHERE id = {0}")]
    [InlineData("DELETE FROM preparation_sessions WHERE id = {0}")]
    public async Task A_raw_change_to_a_signed_note_is_refused_by_the_database(string sql)
    {
        var (sessionId, _) = await SignedNoteAsync();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql, sessionId));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Contains("is signed", refusal.MessageText, StringComparison.Ordinal);
        var note = await PreparationData.LoadAsync(App, sessionId);
        Assert.Equal("Data text.", note.Data);
        Assert.True(note.VerifyHash());
    }

    [Fact]
    public async Task Draft_concurrency_uses_xmin_and_creates_no_column()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var columns = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.SqlQuery<string>(
            $"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name IN ('clinical_notes', 'preparation_sessions')").ToListAsync();

        Assert.Contains("content_hash", columns);
        Assert.DoesNotContain("xmin", columns);
        Assert.DoesNotContain("version", columns);
    }

    [Fact]
    public async Task A_draft_row_can_still_be_changed()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var draftId = await PreparationData.SessionAsync(App, patientId, courseId, await TestUsers.CreateAsync(App, ClinicRoles.Clinician), sign: false);

        await ExecuteAsync("UPDATE preparation_sessions SET data = 'Still a draft' WHERE id = {0}", draftId);

        Assert.Equal("Still a draft", (await PreparationData.LoadAsync(App, draftId)).Data);
    }

    [Fact]
    public async Task Addenda_and_co_signatures_are_append_only_and_need_a_signed_note()
    {
        var (sessionId, patientId) = await SignedNoteAsync();
        var authorId = (await PreparationData.LoadAsync(App, sessionId)).AuthorId;
        await ExecuteAsync(
            "INSERT INTO note_addenda (id, note_id, patient_id, author_id, text, signer_name, signed_at, signature_meaning, content_hash) "
            + "VALUES (gen_random_uuid(), {0}, {1}, {2}, 'Late entry', 'Dr Author', now(), 'authored addendum', repeat('0', 64))",
            sessionId, patientId, authorId);

        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE note_addenda SET text = 'Changed' WHERE note_id = {0}", sessionId));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("DELETE FROM note_addenda WHERE note_id = {0}", sessionId));
        Assert.All([update, delete], e => Assert.Contains("append-only", e.MessageText, StringComparison.Ordinal));

        var draftId = await PreparationData.SessionAsync(App, patientId, (await PreparationData.LoadAsync(App, sessionId)).CourseId, authorId, sign: false);
        var onDraft = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            "INSERT INTO note_addenda (id, note_id, patient_id, author_id, text, signer_name, signed_at, signature_meaning, content_hash) "
            + "VALUES (gen_random_uuid(), {0}, {1}, {2}, 'Too early', 'Dr Author', now(), 'authored addendum', repeat('0', 64))",
            draftId, patientId, authorId));
        Assert.Contains("needs a signed note", onDraft.MessageText, StringComparison.Ordinal);

        var byAuthor = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            "INSERT INTO note_cosignatures (note_id, patient_id, supervisor_id, signer_name, signed_at, signature_meaning, note_content_hash) "
            + "VALUES ({0}, {1}, {2}, 'Dr Author', now(), 'co-signed as supervisor', repeat('0', 64))",
            sessionId, patientId, authorId));
        Assert.Contains("not its author", byAuthor.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_changed_behind_the_databases_back_shows_a_loud_warning()
    {
        var (sessionId, patientId) = await SignedNoteAsync();
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var url = $"/Patients/{patientId}/Preparation/{sessionId}";
        Assert.Contains("content verified", await client.GetStringAsync(url), StringComparison.Ordinal);

        // A superuser can switch triggers off for a session: the hash is the last line of defence.
        await ExecuteAsync("SET session_replication_role = replica; UPDATE preparation_sessions SET plan = 'Tampered' WHERE id = {0}; SET session_replication_role = origin", sessionId);

        var html = await client.GetStringAsync(url);
        Assert.Contains("Warning: this note's content does not match its signature.", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("content verified", html, StringComparison.Ordinal);
    }

    private async Task<(Guid SessionId, Guid PatientId)> SignedNoteAsync()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);
        var authorId = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        return (await PreparationData.SessionAsync(App, patientId, courseId, authorId), patientId);
    }

    [Theory]
    [InlineData("clinical_notes")]
    [InlineData("preparation_sessions")]
    [InlineData("integration_notes")]
    [InlineData("integration_homework_items")]
    public async Task Truncating_a_table_of_notes_is_refused_by_the_database(string table)
    {
        var (sessionId, _) = await SignedNoteAsync();

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"TRUNCATE {table} CASCADE"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.True((await PreparationData.LoadAsync(App, sessionId)).VerifyHash());
    }

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Database.ExecuteSqlRawAsync(sql, parameters);
    }
}
