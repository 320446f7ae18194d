using KapClinic.Core.Courses;
using KapClinic.Core.Dosing;
using KapClinic.Core.Patients;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Dosing;
using KapClinic.Web.Tests.Integration;
using KapClinic.Web.Tests.Preparation;
using KapClinic.Web.Tests.Scheduling;
using KapClinic.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KapClinic.Web.Tests.Reports;

/// <summary>
/// Four patients and their sessions around the period 9-17 November 2026 (New York, UTC-5), through the real
/// services. Nina Ångström (A) and Bo Brown (B) hold them:
/// <list type="bullet">
/// <item>10 Nov 15:00Z preparation, Zoë (A, signed, 50 min); 10 Nov 16:00Z esketamine dosing, Li (B, signed, 140 min, REMS overdue);</item>
/// <item>11 Nov 15:00Z preparation, Ola (Eligible, A, draft, 50 min);</item>
/// <item>15 Nov 16:00Z esketamine dosing, Zoë (A, signed, 140 min: 56 mg at +15, a pre-dose reading 160/95 SpO2 91 at +10,
/// then 146/90 95 %, 150/84 97 %, 126/80 98 %, a mild adverse event and overrides with distinctive text; REMS due);</item>
/// <item>16 Nov 16:00Z IM ketamine dosing, Ada (A, draft: 35 mg at +10, one reading 130/85 97 %);</item>
/// <item>17 Nov 14:00Z esketamine dosing, Li (B, signed, 140 min, REMS submitted 18 Nov);</item>
/// <item>18 Nov 04:30Z (17 Nov 23:30 in New York) integration, Zoë (A, signed, 50 min);</item>
/// <item>outside: 6 Nov 16:00Z IM ketamine dosing, Ada (A, discharged) and 9 Nov 04:30Z (8 Nov 23:30) integration, Zoë.</item>
/// </list>
/// </summary>
public sealed record ClinicalReportSeed(Guid ClinicianA, Guid ClinicianB, Guid Staff, Guid Admin, Guid Zoe, Guid Ada, Guid Li, Guid Ola)
{
    public const string AdverseText = "QUOKKA-4471";
    public const string OverrideText = "WOMBAT-9302";
    public const string FormulaLot = "=HYPERLINK(\"http://x.test\",\"L\")";

    public static readonly DateOnly From = new(2026, 11, 9);
    public static readonly DateOnly To = new(2026, 11, 17);

    public static async Task<ClinicalReportSeed> CreateAsync(KapClinicAppFactory app)
    {
        var a = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, name: "Nina Ångström");
        var b = await TestUsers.CreateAsync(app, ClinicRoles.Clinician, name: "Bo Brown");
        var staff = await TestUsers.CreateAsync(app, ClinicRoles.Staff, name: "Sam Staff");
        var admin = await TestUsers.CreateAsync(app, ClinicRoles.Admin, name: "Ann Admin");
        var seedA = await DosedSessionSeed.CreateAsync(app, a);
        var seedB = await DosedSessionSeed.CreateAsync(app, b);
        var (zoe, zoeCourse) = await DosedSessionSeed.PatientWithCourseAsync(app, "Zoë", "Ñúñez, \"Jr\"");
        var (ada, adaCourse) = await DosedSessionSeed.PatientWithCourseAsync(app, "Ada", "Lovelace", DefaultProtocols.ImKapId);
        var (li, liCourse) = await DosedSessionSeed.PatientWithCourseAsync(app, "Li", "Wei");
        var ola = await PatientSeed.CreateAsync(app, "Ola", "Berg", PatientStatus.Eligible);
        var olaCourse = await PreparationData.CourseAsync(app, ola, DefaultProtocols.IvKetamineId);

        await PreparationData.SessionAsync(app, zoe, zoeCourse, a, occurredAt: Utc(10, 15));
        await seedB.EsketamineSessionAsync(li, liCourse, Utc(10, 16));
        await PreparationData.SessionAsync(app, ola, olaCourse, a, decision: null, sign: false, occurredAt: Utc(11, 15));

        var s1 = Utc(15, 16);
        var zoeSession = await seedA.StartAsync(zoe, zoeCourse, s1);
        await seedA.ChecklistAsync(zoe, zoeSession, s1.AddMinutes(5), 128, 82);
        await seedA.ReadingAsync(zoe, zoeSession, s1.AddMinutes(10), 160, 95, spO2: 91);
        await seedA.DoseAsync(zoe, zoeSession, s1.AddMinutes(15), lot: FormulaLot, overrideReason: OverrideText);
        await seedA.AdverseEventAsync(zoe, zoeSession, s1.AddMinutes(30), AdverseEventType.NauseaVomiting, AdverseEventSeverity.Mild, AdverseText);
        await seedA.ReadingAsync(zoe, zoeSession, s1.AddMinutes(55), 146, 90, spO2: 95);
        await seedA.ReadingAsync(zoe, zoeSession, s1.AddMinutes(75), 150, 84, spO2: 97);
        await seedA.ReadingAsync(zoe, zoeSession, s1.AddMinutes(130), 126, 80, spO2: 98);
        await seedA.DischargeAsync(zoe, zoeSession, s1.AddMinutes(140), s1.AddMinutes(120));
        await seedA.SignAsync(zoe, zoeSession);

        var s4 = Utc(6, 16);
        var early = await seedA.StartAsync(ada, adaCourse, s4);
        await seedA.ChecklistAsync(ada, early, s4.AddMinutes(5));
        await seedA.DoseAsync(ada, early, s4.AddMinutes(10), lot: "KET-OLD", route: AdministrationRoute.Intramuscular, doseMg: 35m);
        await seedA.ReadingAsync(ada, early, s4.AddMinutes(75), 124, 80);
        await seedA.DischargeAsync(ada, early, s4.AddMinutes(80));

        var s2 = Utc(16, 16);
        var adaSession = await seedA.StartAsync(ada, adaCourse, s2);
        await seedA.ChecklistAsync(ada, adaSession, s2.AddMinutes(5), 122, 78);
        await seedA.DoseAsync(ada, adaSession, s2.AddMinutes(10), lot: "KET-24-118", route: AdministrationRoute.Intramuscular, doseMg: 35m);
        await seedA.ReadingAsync(ada, adaSession, s2.AddMinutes(40), 130, 85, spO2: 97);

        var liSession = await seedB.EsketamineSessionAsync(li, liCourse, Utc(17, 14));
        await SchedulingSeed.WithDbAsync(app, async db =>
        {
            db.RemsSubmissions.Add(new RemsSubmission(liSession, li, new DateOnly(2026, 11, 18), "REMS-77", b, ClinicalReportsFixture.Now));
            return await db.SaveChangesAsync();
        });

        await IntegrationData.NoteAsync(app, zoe, zoeCourse, a, occurredAt: new DateTimeOffset(2026, 11, 9, 4, 30, 0, TimeSpan.Zero));
        await IntegrationData.NoteAsync(app, zoe, zoeCourse, a, occurredAt: new DateTimeOffset(2026, 11, 18, 4, 30, 0, TimeSpan.Zero));
        return new ClinicalReportSeed(a, b, staff, admin, zoe, ada, li, ola);
    }

    public static Task<string> MrnAsync(KapClinicAppFactory app, Guid patientId) =>
        SchedulingSeed.WithDbAsync(app, db => db.Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync());

    private static DateTimeOffset Utc(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);
}
