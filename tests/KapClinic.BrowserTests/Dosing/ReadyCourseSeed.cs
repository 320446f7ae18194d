using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.BrowserTests.Dosing;

/// <summary>
/// A course that is ready to dose at <c>now</c>: a clear screening, a signed preparation session that found the patient
/// ready, a current KAP consent, and a pre-dose C-SSRS screener taken five minutes before (so the checklist picks it up).
/// </summary>
internal static class ReadyCourseSeed
{
    public static async Task<Guid> CreateAsync(KapClinicAppFactory app, Guid patientId, DateTimeOffset now, Guid? protocolId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var course = new TreatmentCourse(patientId, protocolId ?? DefaultProtocols.IvKetamineId, today, Guid.NewGuid(), now);
        var screening = new ScreeningVersion(patientId, 1, [], ScreeningResult.Clear, [], Guid.NewGuid(), now.AddDays(-3));
        var author = Guid.NewGuid();
        var preparation = new PreparationSession(patientId, course.Id, author, new PreparationContent(
            now.AddDays(-2), 50, SessionModality.InPerson, "Feel present.", [EducationTopic.EffectsAndRisks], screening.Id, ScreeningResult.Clear,
            "Calm.", "Sam (partner)", true, ReadinessDecision.Ready, "Ready.", "Data.", "Assessment.", "Plan."), now.AddDays(-2));
        preparation.Sign(new NoteSigner(author, "Dr Author", "PsyD", false), now.AddDays(-2).AddHours(1));
        db.AddRange(course, screening, preparation);
        db.Consents.Add(new Consent(patientId, ConsentKind.KapTreatment, null, "KAP informed consent", "v3", today.AddDays(-1), "Marisol Quintero", Guid.NewGuid(), "Front Desk", 12, now));
        db.MeasureResponses.Add(new MeasureResponse(patientId, Instrument.CssrsScreener, [0, 0, 0, 0, 0, 0], 0, null, null, [], [], now.AddMinutes(-5), author, course.Id, null, now.AddMinutes(-5)));
        await db.SaveChangesAsync();
        return course.Id;
    }
}
