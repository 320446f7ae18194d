using System.Globalization;
using KapClinic.Core.Data;
using KapClinic.Core.Integration;
using KapClinic.Core.Notes;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Integration;

/// <summary>Integration notes built straight through the domain (carrying forward as the service does), and their form fields.</summary>
internal static class IntegrationData
{
    public const string DistinctiveSentence = "The lake at dawn felt like forgiveness.";

    /// <summary>
    /// A note by <paramref name="authorId"/> with new homework items, carrying forward the open items of the course's
    /// latest signed note (marked <paramref name="carriedStatus"/>); signed unless <paramref name="sign"/> is false.
    /// Saved as a draft first and signed after, as the database requires for homework rows.
    /// </summary>
    public static async Task<Guid> NoteAsync(
        KapClinicAppFactory app,
        Guid patientId,
        Guid courseId,
        Guid authorId,
        IReadOnlyList<(string Text, HomeworkStatus Status)>? homework = null,
        bool sign = true,
        DateTimeOffset? occurredAt = null,
        DateTimeOffset? createdAt = null,
        HomeworkStatus carriedStatus = HomeworkStatus.Done)
    {
        var at = occurredAt ?? DateTimeOffset.UtcNow.AddHours(-2);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var latest = await db.IntegrationNotes.AsNoTracking().Include(n => n.Homework)
            .Where(n => n.CourseId == courseId && n.Status == NoteStatus.Signed)
            .OrderByDescending(n => n.OccurredAt).FirstOrDefaultAsync();
        var carried = latest?.Homework.Where(i => i.IsOutstanding).Select(i => new HomeworkContent(i.Id, i.Text, carriedStatus)) ?? [];
        var added = (homework ?? []).Select(h => new HomeworkContent(null, h.Text, h.Status));
        var note = new IntegrationNote(patientId, courseId, authorId, Content(at, [.. carried, .. added]), latest, createdAt ?? at.AddMinutes(60));
        db.IntegrationNotes.Add(note);
        await db.SaveChangesAsync();
        if (sign)
        {
            note.Sign(new NoteSigner(authorId, "Dr Author", "LMFT", false), at.AddMinutes(65));
            await db.SaveChangesAsync();
        }

        return note.Id;
    }

    public static IntegrationContent Content(DateTimeOffset at, IReadOnlyList<HomeworkContent> homework) => new(
        at, 50, SessionModality.InPerson, null, NoteFormat.Dap, null, null, DistinctiveSentence, "Integrating well.", "Continue homework.",
        ["Grief"], "Less need to fight the critical voice.", [IntegrationApproach.PartsWork], null, "Back to work part time.",
        RiskCheckMethod.ClinicianJudgement, RiskLevel.Low, "Denies suicidal ideation.", null, homework);

    public static async Task<IntegrationNote> LoadAsync(KapClinicAppFactory app, Guid noteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().IntegrationNotes.AsNoTracking()
            .Include(n => n.Homework.OrderBy(h => h.Position)).Include(n => n.Addenda).Include(n => n.CoSignature)
            .SingleAsync(n => n.Id == noteId);
    }

    /// <summary>The form fields of a complete DAP note with a clinical-judgement risk check, to change per test.</summary>
    public static List<KeyValuePair<string, string>> FormFields(uint version = 0, params (string Key, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.OccurredAt"] = DateTime.UtcNow.AddHours(-8).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.DurationMinutes"] = "50",
            ["Input.Modality"] = nameof(SessionModality.InPerson),
            ["Input.Format"] = nameof(NoteFormat.Dap),
            ["Input.Data"] = DistinctiveSentence,
            ["Input.Assessment"] = "Integrating well.",
            ["Input.Plan"] = "Continue homework.",
            ["Input.Insights"] = "Less need to fight the critical voice.",
            ["Input.GoalsAndProgress"] = "Back to work part time.",
            ["Input.RiskMethod"] = nameof(RiskCheckMethod.ClinicianJudgement),
            ["Input.RiskLevel"] = nameof(RiskLevel.Low),
            ["Input.RiskNote"] = "Denies suicidal ideation.",
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        return [.. fields];
    }

    /// <summary>Homework rows as the form posts them: Input.Homework[i].CarriedFromItemId / Text / Status.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Homework(params (Guid? CarriedFrom, string Text, HomeworkStatus Status)[] rows) =>
        rows.SelectMany((row, i) => new[]
        {
            new KeyValuePair<string, string>($"Input.Homework[{i}].CarriedFromItemId", row.CarriedFrom?.ToString() ?? string.Empty),
            new KeyValuePair<string, string>($"Input.Homework[{i}].Text", row.Text),
            new KeyValuePair<string, string>($"Input.Homework[{i}].Status", row.Status.ToString()),
        });
}
