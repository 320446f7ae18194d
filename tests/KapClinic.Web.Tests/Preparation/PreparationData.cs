using System.Globalization;
using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Notes;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Preparation;

/// <summary>Courses, screenings, consents and preparation notes built straight through the domain, for tests.</summary>
internal static class PreparationData
{
    public static async Task<Guid> CourseAsync(KapClinicAppFactory app, Guid patientId, Guid? protocolId = null, Guid? createdBy = null)
    {
        var course = new TreatmentCourse(patientId, protocolId ?? DefaultProtocols.ImKapId, DateOnly.FromDateTime(DateTime.UtcNow), createdBy ?? Guid.NewGuid(), DateTimeOffset.UtcNow);
        await SaveAsync(app, db => db.TreatmentCourses.Add(course));
        return course.Id;
    }

    public static async Task<Guid> ScreeningAsync(KapClinicAppFactory app, Guid patientId, int version, ScreeningResult result, bool signed = false)
    {
        var screening = new ScreeningVersion(patientId, version, [], result, result == ScreeningResult.Clear ? [] : [$"{result} finding"], Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-10 + version));
        if (signed)
        {
            screening.Sign(Guid.NewGuid(), "Dr P. Prescriber", "MD", DateTimeOffset.UtcNow);
        }

        await SaveAsync(app, db => db.Screenings.Add(screening));
        return screening.Id;
    }

    public static async Task ConsentAsync(KapClinicAppFactory app, Guid patientId, DateOnly signedOn, ConsentKind kind = ConsentKind.KapTreatment) =>
        await SaveAsync(app, db => db.Consents.Add(new Consent(
            patientId, kind, kind == ConsentKind.RouteOfAdministration ? AdministrationRoute.Intramuscular : null, "KAP informed consent", "v3",
            signedOn, "Test Patient", Guid.NewGuid(), "Front Desk", 12, DateTimeOffset.UtcNow)));

    /// <summary>
    /// A preparation note by <paramref name="authorId"/>, signed (with <paramref name="decision"/>) unless
    /// <paramref name="sign"/> is false. A Ready decision reviews the latest screening (a Clear one is added when there is none).
    /// </summary>
    public static async Task<Guid> SessionAsync(
        KapClinicAppFactory app,
        Guid patientId,
        Guid courseId,
        Guid authorId,
        ReadinessDecision? decision = ReadinessDecision.Ready,
        bool sign = true,
        DateTimeOffset? occurredAt = null,
        DateTimeOffset? createdAt = null,
        Guid? reviewedScreeningId = null)
    {
        var at = occurredAt ?? DateTimeOffset.UtcNow.AddHours(-2);
        if (decision == ReadinessDecision.Ready && reviewedScreeningId is null)
        {
            reviewedScreeningId = await LatestScreeningAsync(app, patientId) ?? await ScreeningAsync(app, patientId, 1, ScreeningResult.Clear);
        }

        var content = new PreparationContent(
            at, 50, SessionModality.InPerson, "Feel present with my children.", [EducationTopic.EffectsAndRisks], reviewedScreeningId,
            reviewedScreeningId is null ? null : ScreeningResult.Clear, "Calm, oriented.", "Sam (partner)", true, decision,
            decision is null ? null : "Rationale given.", "Data text.", "Assessment text.", "Plan text.");
        var session = new PreparationSession(patientId, courseId, authorId, content, createdAt ?? at.AddMinutes(60));
        if (sign)
        {
            session.Sign(new NoteSigner(authorId, "Dr Author", "PsyD", false), at.AddMinutes(65));
        }

        await SaveAsync(app, db => db.PreparationSessions.Add(session));
        return session.Id;
    }

    public static async Task<Guid?> LatestScreeningAsync(KapClinicAppFactory app, Guid patientId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Screenings
            .Where(s => s.PatientId == patientId).OrderByDescending(s => s.VersionNumber).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
    }

    /// <summary>The form fields of a complete preparation note, to change per test.</summary>
    public static Dictionary<string, string> FormFields(Guid? screeningId = null, uint version = 0)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.OccurredAt"] = DateTime.UtcNow.AddHours(-8).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Input.DurationMinutes"] = "50",
            ["Input.Modality"] = nameof(SessionModality.Telehealth),
            ["Input.Intentions"] = "To grieve my father and sleep again.",
            ["Input.MentalStatus"] = "Alert, oriented, mildly anxious; no SI.",
            ["Input.SupportPerson"] = "Jo (sister)",
            ["Input.RideHomeArranged"] = "true",
            ["Input.Decision"] = nameof(ReadinessDecision.Ready),
            ["Input.DecisionRationale"] = "Understands risks; support in place.",
            ["Input.Data"] = "Discussed expectations.",
            ["Input.Assessment"] = "Prepared.",
            ["Input.Plan"] = "Book the first dose.",
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
        };
        if (screeningId is { } id)
        {
            fields["Input.ReviewedScreeningId"] = id.ToString();
            fields["Input.ScreeningReviewed"] = "true";
        }

        return fields;
    }

    public static IEnumerable<KeyValuePair<string, string>> WithTopics(this Dictionary<string, string> fields, params EducationTopic[] topics) =>
        fields.Concat(topics.Select(t => new KeyValuePair<string, string>("Input.EducationTopics", t.ToString())));

    public static async Task<PreparationSession> LoadAsync(KapClinicAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().PreparationSessions.AsNoTracking()
            .Include(s => s.Addenda).Include(s => s.CoSignature).SingleAsync(s => s.Id == sessionId);
    }

    private static async Task SaveAsync(KapClinicAppFactory app, Action<KapClinicDbContext> add)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }
}
