using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Measures;

public sealed class MeasureEntryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task A_clinician_records_a_phq9_that_the_server_scores_with_its_band_and_suicide_alert()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var (client, clinicianId) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);
        int[] answers = [2, 2, 1, 1, 2, 1, 1, 1, 1]; // 12: moderate; item 9 = 1

        var response = await PostMeasureAsync(client, patientId, Instrument.Phq9, answers.Select(a => (int?)a));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().MeasureResponses.SingleAsync(m => m.PatientId == patientId);
        Assert.Equal(12m, stored.Total);
        Assert.Equal("Moderate", stored.Band);
        Assert.Contains(nameof(MeasureAlert.SuicideRisk), stored.Alerts);
        Assert.Equal(answers, stored.Answers);
        Assert.Equal(clinicianId, stored.EnteredBy);
    }

    [Fact]
    public async Task A_missing_or_out_of_range_item_is_refused_beside_the_item_and_answers_are_kept()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Clinician);

        var response = await PostMeasureAsync(client, patientId, Instrument.Gad7, [3, 2, null, 1, 9, 0, 0]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Item 3: choose a value from 0 to 3.", html, StringComparison.Ordinal);
        Assert.Contains("Item 5: choose a value from 0 to 3.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"item-0-3\" name=\"Input.Answers[0]\" value=\"3\" checked=\"checked\"", html, StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().MeasureResponses.AnyAsync(m => m.PatientId == patientId));
    }

    [Fact]
    public async Task Trends_mark_response_and_remission_from_baseline_to_latest()
    {
        var patientId = await TestPatients.CreateAsync(App);
        await using var scope = App.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<MeasureService>();
        var user = await TestUsers.CreateAsync(App, ClinicRoles.Clinician);
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        foreach (var (answers, day) in new[] { (new[] { 3, 3, 2, 2, 2, 2, 2, 2, 0 }, 0), (new[] { 1, 1, 1, 1, 1, 1, 1, 1, 0 }, 30), (new[] { 1, 1, 1, 1, 0, 0, 0, 0, 0 }, 59) })
        {
            await service.RecordAsync(patientId, new MeasureAnswersInput { Instrument = Instrument.Phq9, Answers = answers.Select(a => (int?)a).ToList() }, start.AddDays(day), null, user);
        }

        var trend = Assert.Single(await service.GetTrendsAsync(patientId));

        Assert.Equal(18m, trend.Baseline.Total);
        Assert.Equal(4m, trend.Latest.Total);
        Assert.True(trend.IsResponse);
        Assert.True(trend.IsRemission);
        Assert.Equal(3, trend.Points.Count);
    }

    [Fact]
    public async Task Staff_cannot_open_the_measure_form()
    {
        var patientId = await TestPatients.CreateAsync(App);
        var (client, _) = await TestUsers.SignedInAsync(App, ClinicRoles.Staff);

        var response = await client.GetAsync($"/Patients/{patientId}/Measures/New/Phq9");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostMeasureAsync(HttpClient client, Guid patientId, Instrument instrument, IEnumerable<int?> answers)
    {
        var url = $"/Patients/{patientId}/Measures/New/{instrument}";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Instrument", instrument.ToString()),
            new("Input.TakenAt", DateTime.UtcNow.AddHours(-6).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
        };
        fields.AddRange(answers.Select((a, i) => new KeyValuePair<string, string>($"Input.Answers[{i}]", a?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)));
        return HtmlForms.PostAsync(client, url, fields);
    }
}
