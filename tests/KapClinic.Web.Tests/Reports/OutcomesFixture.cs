using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// Five hand-computed courses (clinic zone America/New_York). In 2025:
/// A IV, start 01-10: PHQ-9 22 (2024-12-01, unlinked, older), 20 (01-08, unlinked: the baseline), 8, 4 (latest): -16, -80 %, response, remission;
///   GAD-7 14 on the start day (15:00 local, linked: baseline), 6: -8, -57.1 %, response.
/// B IV, start 01-20: PHQ-9 18 (first of the course, 01-22), 9: -9, -50 %, response (exactly half), no remission; GAD-7 10, 6: -4, -40 %, no response.
/// C Esketamine, start 02-05: PHQ-9 16 (02-01, unlinked), 12: -4, -25 %, neither; GAD-7 12 with no follow-up (blank).
/// D Esketamine, start 04-15: PHQ-9 15 only (no follow-up, blank); no GAD-7.
/// E IV, start 2024-06-01 (outside 2025), patient discharged: PHQ-9 10, 4.
/// Only course B has a session, by <see cref="SessionClinicianId"/>.
/// </summary>
public sealed class OutcomesFixture : AppFixture
{
    public Guid ClinicianId { get; private set; }

    public Guid StaffId { get; private set; }

    public Guid SessionClinicianId { get; private set; }

    public Dictionary<string, (Guid PatientId, Guid CourseId)> Courses { get; } = [];

    public Dictionary<string, string> Mrns { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ClinicianId = await TestUsers.CreateAsync(Factory, ClinicRoles.Clinician);
        StaffId = await TestUsers.CreateAsync(Factory, ClinicRoles.Staff);
        SessionClinicianId = await TestUsers.CreateAsync(Factory, ClinicRoles.Clinician, name: "Dr Bea Session");
        var a = await CourseAsync("A", "Zoë", "Ñúñez", DefaultProtocols.IvKetamineId, new(2025, 1, 10));
        await MeasureAsync(a, Instrument.Phq9, 22, At(2024, 12, 1), linked: false);
        await MeasureAsync(a, Instrument.Phq9, 20, At(2025, 1, 8), linked: false);
        await MeasureAsync(a, Instrument.Phq9, 8, At(2025, 2, 1));
        await MeasureAsync(a, Instrument.Phq9, 4, At(2025, 2, 20));
        await MeasureAsync(a, Instrument.Gad7, 14, new DateTimeOffset(2025, 1, 10, 20, 0, 0, TimeSpan.Zero));
        await MeasureAsync(a, Instrument.Gad7, 6, At(2025, 2, 20));
        var b = await CourseAsync("B", "Ben", "Okafor", DefaultProtocols.IvKetamineId, new(2025, 1, 20));
        await MeasureAsync(b, Instrument.Phq9, 18, At(2025, 1, 22));
        await MeasureAsync(b, Instrument.Phq9, 9, At(2025, 3, 1));
        await MeasureAsync(b, Instrument.Gad7, 10, At(2025, 1, 22));
        await MeasureAsync(b, Instrument.Gad7, 6, At(2025, 3, 1));
        await PreparationData.SessionAsync(Factory, b.PatientId, b.CourseId, SessionClinicianId, occurredAt: At(2025, 1, 21));
        var c = await CourseAsync("C", "Cy", "Lee", DefaultProtocols.EsketamineId, new(2025, 2, 5));
        await MeasureAsync(c, Instrument.Phq9, 16, At(2025, 2, 1), linked: false);
        await MeasureAsync(c, Instrument.Phq9, 12, At(2025, 3, 5));
        await MeasureAsync(c, Instrument.Gad7, 12, At(2025, 2, 6));
        var d = await CourseAsync("D", "Di", "Moss", DefaultProtocols.EsketamineId, new(2025, 4, 15));
        await MeasureAsync(d, Instrument.Phq9, 15, At(2025, 4, 15));
        var e = await CourseAsync("E", "Eve", "Park", DefaultProtocols.IvKetamineId, new(2024, 6, 1), PatientStatus.Discharged);
        await MeasureAsync(e, Instrument.Phq9, 10, At(2024, 5, 30), linked: false);
        await MeasureAsync(e, Instrument.Phq9, 4, At(2024, 7, 30));
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 16, 0, 0, TimeSpan.Zero);

    private async Task<(Guid PatientId, Guid CourseId)> CourseAsync(string key, string first, string last, Guid protocolId, DateOnly start, PatientStatus status = PatientStatus.Active)
    {
        var patientId = await PatientSeed.CreateAsync(Factory, first, last, status);
        var course = new TreatmentCourse(patientId, protocolId, start, ClinicianId, DateTimeOffset.UtcNow);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
            db.TreatmentCourses.Add(course);
            await db.SaveChangesAsync();
            Mrns[key] = await db.Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync();
        }

        Courses[key] = (patientId, course.Id);
        return Courses[key];
    }

    /// <summary>A PHQ-9 or GAD-7 through the real service, its answers adding up to <paramref name="total"/>.</summary>
    private async Task MeasureAsync((Guid PatientId, Guid CourseId) course, Instrument instrument, int total, DateTimeOffset takenAt, bool linked = true)
    {
        var items = instrument == Instrument.Phq9 ? 9 : 7;
        var answers = Enumerable.Range(0, items).Select(i => (int?)Math.Clamp(total - (3 * i), 0, 3)).ToList();
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MeasureService>().RecordAsync(
            course.PatientId, new MeasureAnswersInput { Instrument = instrument, Answers = answers }, takenAt, linked ? course.CourseId : null, ClinicianId);
    }
}
