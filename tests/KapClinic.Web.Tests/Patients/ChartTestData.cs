using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KapClinic.Core.Consents;
using KapClinic.Core.Data;
using KapClinic.Core.Measures;
using KapClinic.Core.Patients;
using KapClinic.Core.Screening;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Patients;

/// <summary>Builds chart data straight through the DbContext (the registry's own service is a separate feature).</summary>
public static class ChartTestData
{
    public static readonly DateTimeOffset RecordedAt = new(2026, 11, 1, 15, 0, 0, TimeSpan.Zero);

    public static PatientDetails Details(string first = "Ada", string last = "Lovelace", DateOnly? dateOfBirth = null, decimal? heightCm = 168) =>
        new(first, last, null, dateOfBirth ?? new DateOnly(1980, 6, 15), SexAtBirth.Female, null, "she/her", "555-0100",
            null, PostalAddress.Empty, EmergencyContact.Empty, null, null, heightCm);

    /// <summary>Saves the patient (with whatever <paramref name="build"/> adds to it) and the other records; returns the id.</summary>
    public static async Task<Guid> AddPatientAsync(
        KapClinicAppFactory app, PatientDetails? details = null, Action<Patient>? build = null, Func<Guid, IEnumerable<object>>? records = null)
    {
        var patient = new Patient(details ?? Details(), RecordedAt);
        build?.Invoke(patient);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        if (records is not null)
        {
            db.AddRange(records(patient.Id));
            await db.SaveChangesAsync();
        }

        return patient.Id;
    }

    public static ScreeningVersion NewScreening(Guid patientId, int version, ScreeningResult result, params string[] reasons) =>
        new(patientId, version, [], result, reasons, Guid.NewGuid(), RecordedAt.AddMinutes(version));

    public static MeasureResponse Measure(Guid patientId, Instrument instrument, DateTimeOffset takenAt, decimal total = 12, params string[] alerts) =>
        new(patientId, instrument, [1, 2, 3], total, "moderate", "moderate", alerts, [], takenAt, Guid.NewGuid(), null, null, takenAt);

    public static Consent KapConsent(Guid patientId, DateOnly signedOn, int validityMonths = 12) =>
        new(patientId, ConsentKind.KapTreatment, null, "KAP informed consent", "3.0", signedOn, "Ada Lovelace", Guid.NewGuid(), "Dr. Test, MD", validityMonths, RecordedAt);

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static IReadOnlyList<(string Level, string Text)> AlertsIn(IHtmlDocument document) =>
        [.. document.QuerySelectorAll("[data-testid=chart-alerts] li")
            .Select(li => (li.GetAttribute("data-level") ?? string.Empty, li.TextContent.Trim()))];
}
