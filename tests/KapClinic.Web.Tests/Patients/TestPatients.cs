using System.Globalization;
using AngleSharp.Html.Parser;
using KapClinic.Core.Data;
using KapClinic.Core.Patients;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Patients;

/// <summary>Builds patients through the real registry (or in bulk straight into the database) and reads pages.</summary>
internal static class TestPatients
{
    public static PatientInput Input(string first = "Ada", string last = "Lovelace", Action<PatientInput>? change = null)
    {
        var input = new PatientInput
        {
            LegalFirstName = first,
            LegalLastName = last,
            DateOfBirth = new DateOnly(1984, 6, 15),
            SexAtBirth = SexAtBirth.Female,
            Phone = "555 010 2345",
            Email = "patient@example.org",
        };
        change?.Invoke(input);
        return input;
    }

    /// <summary>The form fields a browser would post for <paramref name="input"/>.</summary>
    public static List<KeyValuePair<string, string>> Fields(PatientInput input) =>
    [
        new("Input.LegalFirstName", input.LegalFirstName),
        new("Input.LegalLastName", input.LegalLastName),
        new("Input.PreferredName", input.PreferredName ?? string.Empty),
        new("Input.DateOfBirth", input.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
        new("Input.SexAtBirth", input.SexAtBirth?.ToString() ?? string.Empty),
        new("Input.Phone", input.Phone ?? string.Empty),
        new("Input.Email", input.Email ?? string.Empty),
        new("Input.PrimaryClinicianId", input.PrimaryClinicianId?.ToString() ?? string.Empty),
        new("Input.HeightCm", input.HeightCm?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
        new("Input.Version", input.Version.ToString(CultureInfo.InvariantCulture)),
    ];

    public static async Task<Guid> CreateAsync(KapClinicAppFactory app, PatientInput input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PatientRegistry>().CreateAsync(input);
    }

    public static async Task<Guid> CreateAsync(KapClinicAppFactory app, string first = "Ada", string last = "Lovelace", Action<PatientInput>? change = null) =>
        await CreateAsync(app, Input(first, last, change));

    public static async Task<T> WithRegistryAsync<T>(KapClinicAppFactory app, Func<PatientRegistry, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<PatientRegistry>());
    }

    public static async Task<Patient> LoadAsync(KapClinicAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().Patients.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    /// <summary>Many patients in one insert, for list tests that need volume rather than the registry's rules.</summary>
    public static async Task AddManyAsync(KapClinicAppFactory app, int count, Guid? clinicianId, string lastName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var input = Input($"Bulk{i:D3}", lastName, p => p.PrimaryClinicianId = clinicianId);
            db.Patients.Add(new Patient(input.ToDetails(), now));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Posts the patient search form and returns the page.</summary>
    public static async Task<string> SearchAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        var response = await HtmlForms.PostAsync(client, "/Patients", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The ids of the patients listed in the results table, in order.</summary>
    public static IReadOnlyList<Guid> ListedIds(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("table.patient-list tbody tr td:nth-child(2) a")
            .Select(a => Guid.Parse(a.GetAttribute("href")!["/Patients/".Length..]))];

    public static string? ValueOf(string html, string selector) =>
        new HtmlParser().ParseDocument(html).QuerySelector(selector)?.GetAttribute("value");

    public static string? TextOf(string html, string selector) =>
        new HtmlParser().ParseDocument(html).QuerySelector(selector)?.TextContent.Trim();
}
