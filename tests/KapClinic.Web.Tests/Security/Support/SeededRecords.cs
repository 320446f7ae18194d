using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Demo;
using KapClinic.Core.Inventory;
using KapClinic.Core.Notes;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>
/// Real ids from the demo clinic, one of each kind a route can carry, all about one patient where the kind belongs to
/// a patient (so every patient page of that patient opens), read after <c>DemoSeeder</c> has run.
/// </summary>
public sealed partial record SeededRecords(
    Guid PatientId,
    Guid CourseId,
    Guid DosingSessionId,
    Guid PreparationSessionId,
    Guid IntegrationNoteId,
    int ScreeningVersion,
    Guid AppointmentId,
    Guid UserId,
    Guid ProtocolId,
    Guid LotId,
    Guid CountEntryId,
    Guid LedgerEntryId,
    Guid DiscrepancyId)
{
    public static async Task<SeededRecords> ReadAsync(KapClinicDbContext db)
    {
        // A signed esketamine dosing session whose course also has signed preparation and integration notes.
        var dosing = await db.DosingSessions.AsNoTracking()
            .Where(d => d.Status == NoteStatus.Signed && d.Drug == DrugKind.Esketamine && d.Administrations.Any() // the REMS form opens
                && db.PreparationSessions.Any(p => p.CourseId == d.CourseId && p.Status == NoteStatus.Signed)
                && db.IntegrationNotes.Any(n => n.CourseId == d.CourseId && n.Status == NoteStatus.Signed)
                && db.Screenings.Any(s => s.PatientId == d.PatientId))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.PatientId, d.CourseId }).FirstAsync();
        var count = await db.Discrepancies.AsNoTracking().OrderBy(d => d.Id).FirstAsync();
        return new SeededRecords(
            dosing.PatientId,
            dosing.CourseId,
            dosing.Id,
            await db.PreparationSessions.Where(p => p.CourseId == dosing.CourseId && p.Status == NoteStatus.Signed).Select(p => p.Id).FirstAsync(),
            await db.IntegrationNotes.Where(n => n.CourseId == dosing.CourseId && n.Status == NoteStatus.Signed).Select(n => n.Id).FirstAsync(),
            await db.Screenings.Where(s => s.PatientId == dosing.PatientId).MaxAsync(s => s.VersionNumber),
            await PrescribersAppointmentAsync(db),
            await db.Users.Where(u => u.Email == "therapist@kapclinic.test").Select(u => u.Id).SingleAsync(),
            await db.Protocols.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            count.LotId,
            count.CountEntryId,
            await db.LedgerEntries.Where(e => e.LotId == count.LotId && e.Kind == LedgerEntryKind.Wasted).Select(e => e.Id).FirstAsync(),
            count.Id);
    }

    // An appointment the demo prescriber takes part in and the demo nurse does not (clinicians read only their own).
    private static async Task<Guid> PrescribersAppointmentAsync(KapClinicDbContext db)
    {
        var prescriber = await db.Users.Where(u => u.Email == DemoSeeder.PrescriberEmail).Select(u => u.Id).SingleAsync();
        var nurse = await db.Users.Where(u => u.Email == DemoSeeder.NurseEmail).Select(u => u.Id).SingleAsync();
        return await db.Appointments
            .Where(a => (a.ClinicianId == prescriber || a.PrescriberId == prescriber) && a.ClinicianId != nurse && a.PrescriberId != nurse)
            .OrderBy(a => a.StartsAt).Select(a => a.Id).FirstAsync();
    }

    /// <summary>The template with every parameter filled from these records, plus <c>?handler=</c> for a named handler.</summary>
    public string Url(string template, Handler? handler = null)
    {
        var path = Parameter().Replace(template, m => ValueFor(template, m.Groups[1].Value)
            ?? throw new InvalidOperationException($"No sample value for {{{m.Groups[1].Value}}} in {template}: add one to SeededRecords.ValueFor."));
        return handler?.Name is null ? path : $"{path}?{handler.Query}";
    }

    // Which record a route parameter names depends on where it sits; an unknown pair fails the test that asked.
    private string? ValueFor(string template, string name) => name switch
    {
        "id" when template.StartsWith("/Patients/", StringComparison.Ordinal) => Text(PatientId),
        "id" when template.StartsWith("/Admin/Users/", StringComparison.Ordinal) => Text(UserId),
        "id" when template.StartsWith("/Admin/Protocols/", StringComparison.Ordinal) => Text(ProtocolId),
        "id" when template.StartsWith("/Schedule/Appointments/", StringComparison.Ordinal) => Text(AppointmentId),
        "id" when template.StartsWith("/Inventory/Discrepancies/", StringComparison.Ordinal) => Text(DiscrepancyId),
        "courseId" => Text(CourseId),
        "sessionId" when template.Contains("/Dosing/", StringComparison.Ordinal) => Text(DosingSessionId),
        "sessionId" when template.Contains("/Preparation/", StringComparison.Ordinal) => Text(PreparationSessionId),
        "noteId" => Text(IntegrationNoteId),
        "version" => ScreeningVersion.ToString(CultureInfo.InvariantCulture),
        "lotId" => Text(LotId),
        "entryId" when template.Contains("/Counts/", StringComparison.Ordinal) => Text(CountEntryId),
        "entryId" when template.Contains("/Correct", StringComparison.Ordinal) => Text(LedgerEntryId),
        "key" => "session-activity", // a report every signed-in role may run; the others are checked in Core (ReportService)
        "instrument" => "Phq9",
        "code" => "404",
        "token" => "not-a-real-feed-token", // no feed token is seeded: the feed answers 404 (see AccessTable)
        _ => null,
    };

    private static string Text(Guid id) => id.ToString();

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
