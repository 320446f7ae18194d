using KapClinic.Core.Courses;
using KapClinic.Core.Integration;
using KapClinic.Core.Measures;
using KapClinic.Core.Notes;
using KapClinic.Core.Patients;
using KapClinic.Core.Preparation;
using KapClinic.Core.Screening;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static KapClinic.Web.Tests.Patients.ChartTestData;

namespace KapClinic.Web.Tests.Patients;

/// <summary>The app with a counter of the SQL commands EF Core sends.</summary>
public sealed class SqlCountingFixture : AppFixture
{
    public SqlCommandCounter Counter { get; } = new();

    protected override KapClinicAppFactory Configure(KapClinicAppFactory app) =>
        app.WithServices(s => s.AddSingleton<IInterceptor>(Counter));
}

public sealed class ChartQueryCountTests(SqlCountingFixture fixture) : IClassFixture<SqlCountingFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task The_chart_issues_the_same_number_of_sql_commands_for_1_and_for_40_rows_in_each_list()
    {
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        var small = await PatientWithRowsAsync(1, clinicianId);
        var large = await PatientWithRowsAsync(40, clinicianId);
        await GetDocumentAsync(client, $"/Patients/{small}"); // warm up: compiled queries, settings
        await GetDocumentAsync(client, $"/Patients/{large}");

        var smallCommands = await CommandsForChartAsync(client, small);
        var largeCommands = await CommandsForChartAsync(client, large);

        Assert.Equal(smallCommands.Count, largeCommands.Count);
        // The chart's one statement (every list, every course's sessions, the trend points), the open course's readiness
        // and the audit insert; the settings and the session check are cached after the warm-up.
        Assert.Equal(3, smallCommands.Count);
        var document = await GetDocumentAsync(client, $"/Patients/{large}");
        Assert.Equal(PatientChartService.WeightsShown, document.QuerySelectorAll("#weights tbody tr").Length);
        Assert.Equal(40, document.QuerySelectorAll("#medications tbody tr").Length);
        Assert.Equal(40, document.QuerySelectorAll("#consents tbody tr").Length);
        Assert.Equal(9, document.QuerySelectorAll("#latest-measures tbody tr").Length);
        Assert.Equal(80, document.QuerySelectorAll("#courses [data-testid=timeline-session]").Length);
        Assert.Single(document.QuerySelectorAll("#courses [data-testid=readiness]"));
    }

    private async Task<IReadOnlyList<string>> CommandsForChartAsync(HttpClient client, Guid patientId)
    {
        fixture.Counter.Reset();
        await GetDocumentAsync(client, $"/Patients/{patientId}");
        return fixture.Counter.Commands;
    }

    private Task<Guid> PatientWithRowsAsync(int rows, Guid clinicianId) =>
        AddPatientAsync(App, build: patient =>
        {
            for (var i = 0; i < rows; i++)
            {
                patient.RecordWeight(new DateOnly(2026, 1, 1).AddDays(i), 60 + i, Guid.NewGuid(), RecordedAt);
                patient.AddAllergy($"Substance {i}", "rash", RecordedAt);
                patient.AddMedication($"Medication {i:00}", "10 mg", (MedicationClass)(i % 7), RecordedAt);
                patient.AddDiagnosis($"F{30 + (i % 10)}.{i % 10}", $"Diagnosis {i}", RecordedAt);
            }
        },
        records: id => Enumerable.Range(0, rows).SelectMany(i => (object[])
        [
            NewScreening(id, i + 1, (ScreeningResult)(i % 3), $"Reason {i}"),
            KapConsent(id, new DateOnly(2026, 1, 1).AddDays(i)),
            .. CourseWithNotes(id, i, last: i == rows - 1, clinicianId),
            Measure(id, (Instrument)(i % 9), RecordedAt.AddDays(-i), i % 20, i % 5 == 0 ? ["SuicideRisk"] : []),
        ]));

    // A course with a signed preparation session and a signed integration note (no homework: rows of a signed note are refused).
    private static object[] CourseWithNotes(Guid patientId, int i, bool last, Guid clinicianId)
    {
        var course = PastCourse(patientId, i, last);
        var at = RecordedAt.AddDays(i);
        var signer = new NoteSigner(clinicianId, "Test Clinician", null, false);
        var preparation = new PreparationSession(patientId, course.Id, clinicianId, new PreparationContent(
            at, 50, SessionModality.InPerson, "I", [], null, null, "M", null, false, ReadinessDecision.NotYet, "Not yet.", "D", "A", "P"), at);
        preparation.Sign(signer, at);
        var integration = new IntegrationNote(patientId, course.Id, clinicianId, new IntegrationContent(
            at.AddDays(1), 50, SessionModality.InPerson, null, NoteFormat.Dap, null, null, "D", "A", "P", [], null, [], null, null,
            RiskCheckMethod.ClinicianJudgement, RiskLevel.Low, "Low.", null, []), null, at.AddDays(1));
        integration.Sign(signer, at.AddDays(1));
        return [course, preparation, integration];
    }

    // A patient has at most one open course (a database rule): the earlier ones are stopped.
    private static TreatmentCourse PastCourse(Guid patientId, int i, bool last)
    {
        var course = new TreatmentCourse(patientId, DefaultProtocols.All[i % 4].Id, new DateOnly(2026, 1, 1).AddDays(i), Guid.NewGuid(), RecordedAt);
        if (!last)
        {
            course.Stop("Superseded", new DateOnly(2026, 1, 2).AddDays(i));
        }

        return course;
    }
}
