using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// One patient, Zoë Ñúñez, on an esketamine course: two preparation sessions (one signed by "Dr Author, PsyD", one
/// a draft), one esketamine dosing session signed by Nina Monitor (56 mg, lot LOT-E1), three PHQ-9 (18, 12, 6) and
/// two GAD-7 (15, 9). Another patient's course is there too and must not show.
/// </summary>
public sealed class CourseSummaryFixture : AppFixture
{
    public Guid PatientId { get; private set; }

    public string Mrn { get; private set; } = string.Empty;

    public Guid ClinicianId { get; private set; }

    public Guid AdminId { get; private set; }

    public Guid StaffId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ClinicianId = await TestUsers.CreateAsync(Factory, ClinicRoles.Clinician, name: "Dr Author");
        AdminId = await TestUsers.CreateAsync(Factory, ClinicRoles.Admin);
        StaffId = await TestUsers.CreateAsync(Factory, ClinicRoles.Staff);
        var (patientId, courseId) = await DosedSessionSeed.PatientWithCourseAsync(Factory, "Zoë", "Ñúñez", DefaultProtocols.EsketamineId);
        PatientId = patientId;
        var start = DateTimeOffset.UtcNow.AddDays(-20);
        await PreparationData.SessionAsync(Factory, patientId, courseId, ClinicianId, occurredAt: start);
        await PreparationData.SessionAsync(Factory, patientId, courseId, ClinicianId, decision: null, sign: false, occurredAt: start.AddDays(2));
        var seed = await DosedSessionSeed.CreateAsync(Factory);
        await seed.EsketamineSessionAsync(patientId, courseId, start.AddDays(5));
        await using var scope = Factory.Services.CreateAsyncScope();
        var measures = scope.ServiceProvider.GetRequiredService<MeasureService>();
        foreach (var (instrument, total, day) in new[] { (Instrument.Phq9, 18, 0), (Instrument.Gad7, 15, 0), (Instrument.Phq9, 12, 7), (Instrument.Gad7, 9, 14), (Instrument.Phq9, 6, 14) })
        {
            var items = instrument == Instrument.Phq9 ? 9 : 7;
            var answers = Enumerable.Range(0, items).Select(i => (int?)Math.Clamp(total - (3 * i), 0, 3)).ToList();
            await measures.RecordAsync(patientId, new MeasureAnswersInput { Instrument = instrument, Answers = answers }, start.AddDays(day), courseId, ClinicianId);
        }

        var (other, otherCourse) = await DosedSessionSeed.PatientWithCourseAsync(Factory, "Olly", "Other", DefaultProtocols.EsketamineId);
        await PreparationData.SessionAsync(Factory, other, otherCourse, ClinicianId, occurredAt: start);
        Mrn = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync();
    }
}
