using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Dosing;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Scheduling;
using KapClinic.Core.Settings;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;
using KapClinic.Web.Tests.Integration;
using KapClinic.Web.Tests.Preparation;
using KapClinic.Web.Tests.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// A small patient record, by hand: one signed preparation session, one IV ketamine dosing session (pre-dose vitals
/// 128/82, HR 76, SpO2 98, RR 14, 70 kg; 35 mg, lot "KET-24-118", infusion 40 min at 5.25 mL/h; readings with HR 80 and
/// RR 14, the first 138/86 SpO2 97, the others 126/80 SpO2 98), one integration note, PHQ-9 (total 11), GAD-7 (total 7), a chart weight of 71.5 kg
/// and a dosing appointment. All within a day or two before <see cref="Start"/>'s day.
/// </summary>
internal sealed record FhirRecordSeed(Guid PatientId, string Mrn, Guid ClinicianId, Guid DosingSessionId, Guid AppointmentId, DateTimeOffset Start)
{
    public static readonly int[] Phq9Answers = [2, 2, 1, 1, 2, 1, 1, 1, 0];
    public static readonly int[] Gad7Answers = [1, 1, 2, 1, 0, 1, 1];

    public static async Task<FhirRecordSeed> CreateAsync(KapClinicAppFactory app, string first = "Zoë", int readings = 2, DateTimeOffset? start = null)
    {
        var at = start ?? new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddHours(-12);
        var seed = await DosedSessionSeed.CreateAsync(app);
        var details = new PatientDetails(
            first, "Ñúñez, \"Jr\"", null, new DateOnly(1985, 6, 15), SexAtBirth.Female, null, null, "+1 555 0100 200", "zoe@example.org",
            new PostalAddress("1 Lake Road", null, "Portland", "ME", "04101"), EmergencyContact.Empty, null, null, 168m);
        var patientId = await TestPatients.CreateAsync(app, details, p => p.RecordWeight(DateOnly.FromDateTime(at.UtcDateTime), 71.5m, seed.ClinicianId, at));
        var courseId = await PreparationData.CourseAsync(app, patientId, DefaultProtocols.IvKetamineId, seed.ClinicianId);
        await PreparationData.SessionAsync(app, patientId, courseId, seed.ClinicianId, occurredAt: at.AddHours(-6));

        var sessionId = await seed.StartAsync(patientId, courseId, at);
        await seed.ChecklistAsync(patientId, sessionId, at.AddMinutes(5));
        var dosed = at.AddMinutes(15);
        await seed.DoseAsync(patientId, sessionId, dosed, lot: "KET-24-118", route: AdministrationRoute.Intravenous, doseMg: 35m);
        for (var i = 0; i < readings; i++)
        {
            await seed.ReadingAsync(patientId, sessionId, dosed.AddMinutes(10 + (10 * i)), i == 0 ? 138 : 126, i == 0 ? 86 : 80, i == 0 ? 97 : 98);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
            var administrationId = await db.DoseAdministrations.Where(d => d.NoteId == sessionId).Select(d => d.Id).SingleAsync();
            var version = await db.DosingSessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync();
            var zone = (await scope.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync()).TimeZone;
            await scope.ServiceProvider.GetRequiredService<DosingSessionService>().EndInfusionAsync(
                patientId, sessionId, administrationId, TimeZoneInfo.ConvertTime(dosed.AddMinutes(40), zone).DateTime, 5.25m, version);
        }

        await IntegrationData.NoteAsync(app, patientId, courseId, seed.ClinicianId, occurredAt: at.AddHours(5));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var measures = scope.ServiceProvider.GetRequiredService<MeasureService>();
            await measures.RecordAsync(patientId, new MeasureAnswersInput { Instrument = Instrument.Phq9, Answers = [.. Phq9Answers] }, at.AddMinutes(-30), courseId, seed.ClinicianId);
            await measures.RecordAsync(patientId, new MeasureAnswersInput { Instrument = Instrument.Gad7, Answers = [.. Gad7Answers] }, at.AddMinutes(-25), courseId, seed.ClinicianId);
        }

        var room = await SchedulingSeed.RoomAsync(app);
        var appointmentId = await SchedulingSeed.AppointmentAsync(app, patientId, seed.ClinicianId, room, at.AddDays(1), at.AddDays(1).AddHours(3), AppointmentType.Dosing, courseId);
        var mrn = await SchedulingSeed.WithDbAsync(app, db => db.Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync());
        return new FhirRecordSeed(patientId, mrn, seed.ClinicianId, sessionId, appointmentId, at);
    }
}
