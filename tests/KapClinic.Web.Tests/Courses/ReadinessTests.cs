using KapClinic.Core.Consents;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Tests.Preparation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Courses;

/// <summary>The app with a SQL command counter, to prove readiness costs a fixed number of queries.</summary>
public sealed class CountingFixture : AppFixture
{
    public SqlCommandCounter Counter { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.AddSingleton<IInterceptor>(Counter));
}

public sealed class ReadinessTests(CountingFixture fixture) : IClassFixture<CountingFixture>
{
    private const string NotYet = "The latest signed readiness decision is Not yet.";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_course_with_its_signed_sessions_a_ready_decision_clear_screening_and_current_consent_is_ready()
    {
        var course = await ReadyCourseAsync();

        var readiness = await ReadinessAsync(course.CourseId);

        Assert.True(readiness.IsReady);
        Assert.Empty(readiness.Reasons);
    }

    [Fact]
    public async Task Fewer_signed_sessions_than_the_protocol_plans_is_the_only_reason_given()
    {
        var course = await ReadyCourseAsync(signedSessions: 1);
        await PreparationData.SessionAsync(App, course.PatientId, course.CourseId, course.ClinicianId, sign: false);

        var readiness = await ReadinessAsync(course.CourseId);

        Assert.False(readiness.IsReady);
        Assert.Equal(["1 of 2 planned preparation sessions are signed."], readiness.Reasons);
    }

    [Theory]
    [InlineData(ReadinessDecision.NotYet, NotYet)]
    [InlineData(ReadinessDecision.ReferOut, "The latest signed readiness decision is Refer out.")]
    public async Task The_latest_signed_decision_by_session_time_must_be_ready(ReadinessDecision latest, string reason)
    {
        var course = await ReadyCourseAsync();
        await PreparationData.SessionAsync(App, course.PatientId, course.CourseId, course.ClinicianId, latest, occurredAt: DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal([reason], (await ReadinessAsync(course.CourseId)).Reasons);
    }

    [Fact]
    public async Task A_later_signature_on_an_earlier_session_does_not_make_it_the_latest_decision()
    {
        var course = await ReadyCourseAsync(signedSessions: 0);
        await PreparationData.SessionAsync(App, course.PatientId, course.CourseId, course.ClinicianId, ReadinessDecision.NotYet, occurredAt: DateTimeOffset.UtcNow.AddDays(-1));
        await PreparationData.SessionAsync(App, course.PatientId, course.CourseId, course.ClinicianId, ReadinessDecision.Ready, occurredAt: DateTimeOffset.UtcNow.AddDays(-3));

        Assert.Equal([NotYet], (await ReadinessAsync(course.CourseId)).Reasons);
    }

    [Fact]
    public async Task No_signed_session_gives_the_count_and_the_missing_decision()
    {
        var course = await ReadyCourseAsync(signedSessions: 0);

        Assert.Equal(
            ["0 of 2 planned preparation sessions are signed.", "No signed preparation session has decided the patient is ready."],
            (await ReadinessAsync(course.CourseId)).Reasons);
    }

    [Fact]
    public async Task An_absolute_contraindication_on_the_latest_screening_blocks_dosing()
    {
        var course = await ReadyCourseAsync();
        await PreparationData.ScreeningAsync(App, course.PatientId, 2, ScreeningResult.Absolute, signed: true);

        var reason = Assert.Single((await ReadinessAsync(course.CourseId)).Reasons);

        Assert.Equal("The latest screening (version 2) has an absolute contraindication: dosing is blocked until a prescriber documents clearance.", reason);
    }

    [Fact]
    public async Task Clearance_of_an_earlier_absolute_screening_needs_a_prescribers_signature()
    {
        var course = await ReadyCourseAsync();
        await PreparationData.ScreeningAsync(App, course.PatientId, 2, ScreeningResult.Absolute);
        await PreparationData.ScreeningAsync(App, course.PatientId, 3, ScreeningResult.Relative);

        Assert.Equal(
            ["An earlier screening had an absolute contraindication; the version that clears it (version 3) must be signed by a prescriber."],
            (await ReadinessAsync(course.CourseId)).Reasons);

        await PreparationData.ScreeningAsync(App, course.PatientId, 4, ScreeningResult.Relative, signed: true);
        Assert.True((await ReadinessAsync(course.CourseId)).IsReady);
    }

    [Fact]
    public async Task A_patient_without_any_screening_is_told_so()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId);

        Assert.Contains("No intake screening is recorded.", (await ReadinessAsync(courseId)).Reasons);
    }

    [Theory]
    [InlineData(false, -13)]
    [InlineData(true, -1)]
    public async Task A_current_kap_treatment_consent_is_required(bool routeConsentOnly, int signedMonthsAgo)
    {
        var course = await ReadyCourseAsync(consent: false);
        await PreparationData.ConsentAsync(App, course.PatientId, Today.AddMonths(signedMonthsAgo), routeConsentOnly ? ConsentKind.RouteOfAdministration : ConsentKind.KapTreatment);

        Assert.Equal(["There is no current KAP treatment consent."], (await ReadinessAsync(course.CourseId)).Reasons);
    }

    [Fact]
    public async Task A_stopped_course_is_not_ready()
    {
        var course = await ReadyCourseAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
            (await db.TreatmentCourses.SingleAsync(c => c.Id == course.CourseId)).Stop("Moved away.", Today);
            await db.SaveChangesAsync();
        }

        Assert.Equal(["The course is stopped."], (await ReadinessAsync(course.CourseId)).Reasons);
    }

    [Fact]
    public async Task Readiness_takes_a_fixed_number_of_queries_whatever_the_number_of_sessions()
    {
        var few = await ReadyCourseAsync();
        var many = await ReadyCourseAsync(signedSessions: 8);

        fixture.Counter.Reset();
        await ReadinessAsync(few.CourseId);
        var forFew = fixture.Counter.Commands.Count;
        fixture.Counter.Reset();
        await ReadinessAsync(many.CourseId);

        Assert.Equal(forFew, fixture.Counter.Commands.Count);
        Assert.True(forFew <= 2, $"{forFew} SQL commands");
    }

    private async Task<Readiness> ReadinessAsync(Guid courseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReadinessService>().GetReadinessAsync(courseId);
    }

    /// <summary>An IM KAP course (2 planned preparation sessions) with a clear screening and, by default, everything else in place.</summary>
    private async Task<(Guid PatientId, Guid CourseId, Guid ClinicianId)> ReadyCourseAsync(int signedSessions = 2, bool consent = true)
    {
        var patientId = await TestPatients.CreateAsync(App);
        var courseId = await PreparationData.CourseAsync(App, patientId, DefaultProtocols.ImKapId);
        var clinicianId = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        await PreparationData.ScreeningAsync(App, patientId, 1, ScreeningResult.Clear);
        for (var i = 0; i < signedSessions; i++)
        {
            await PreparationData.SessionAsync(App, patientId, courseId, clinicianId, occurredAt: DateTimeOffset.UtcNow.AddDays(-10 + i));
        }

        if (consent)
        {
            await PreparationData.ConsentAsync(App, patientId, Today.AddDays(-30));
        }

        return (patientId, courseId, clinicianId);
    }
}
