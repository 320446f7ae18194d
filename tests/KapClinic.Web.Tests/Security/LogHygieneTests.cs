using System.Net;
using KapClinic.Core.Courses;
using KapClinic.Core.Users;
using KapClinic.TestSupport;
using KapClinic.Web.Infrastructure.Web;
using KapClinic.Web.Tests.Preparation;
using KapClinic.Web.Tests.Security.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace KapClinic.Web.Tests.Security;

/// <summary>What reaches the log: one line per event whatever the input, and no PHI, password or cookie.</summary>
public sealed class LogHygieneTests(LogCaptureFixture fixture) : IClassFixture<LogCaptureFixture>
{
    private KapClinicAppFactory App => fixture.Factory;

    [Fact]
    public async Task Cr_and_lf_from_a_request_cannot_forge_a_log_line()
    {
        var client = TestUsers.NewClient(App);
        await TestUsers.PostSignInAsync(client, "eve@clinic.test\r\n[12:00:00 INF] Forgedline admin signed in", "whatever-password-1");
        await client.GetAsync("/Account/Login%0D%0A%5B12:00:00%20INF%5D%20Forgedline%20request");

        var forged = fixture.Log.Lines.Where(l => l.Contains("Forgedline", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(forged); // the request path reached the log...
        Assert.All(forged, l => Assert.DoesNotContain('\n', l)); // ...on one line,
        Assert.Contains(forged, l => l.Contains("\\r\\n[12:00:00 INF]", StringComparison.Ordinal)); // with the break visible
    }

    [Fact]
    public void The_escaper_reaches_text_inside_structures_and_sequences()
    {
        var nested = new StructureValue([new LogEventProperty("Items", new SequenceValue([new ScalarValue("a\nb")]))]);
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("{Value} {Nested}"),
            [new LogEventProperty("Value", new ScalarValue("x\r\ny")), new LogEventProperty("Nested", nested)]);

        new LogLineEscaper().Enrich(logEvent, null!);

        var rendered = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain('\n', rendered);
        Assert.DoesNotContain('\r', rendered);
        Assert.Contains("x\\r\\ny", rendered, StringComparison.Ordinal);
        Assert.Contains("a\\nb", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_planted_phi_password_or_cookie_reaches_any_log_event()
    {
        const string WrongPassword = "planted-wrong-password-4471";
        const string NoteText = "Plantednote: dreams of the Zzyzx salt flats";
        var email = $"clinician-{Guid.NewGuid():N}@clinic.test";
        await TestUsers.CreateAsync(App, ClinicRoles.Clinician, email, prescriber: true);
        var browser = Browser.Open(App);
        var client = browser.Client;
        Assert.Equal(HttpStatusCode.OK, (await TestUsers.PostSignInAsync(client, email, WrongPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestUsers.PostSignInAsync(client, email, TestUsers.Password)).StatusCode);

        var created = await HtmlForms.PostAsync(client, "/Patients/Create", Patients.TestPatients.Fields(Patients.TestPatients.Input("Plantedphi", "Zzyzx", p =>
        {
            p.Email = "zzyzx.planted@example.org";
            p.Phone = "555 019 7731";
        })));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var patientId = Guid.Parse(created.Headers.Location!.ToString().Split('/', '?').First(s => Guid.TryParse(s, out _)));
        var courseId = await PreparationData.CourseAsync(App, patientId, DefaultProtocols.ImKapId);
        var fields = PreparationData.FormFields();
        fields["Input.Data"] = NoteText;
        var note = await HtmlForms.PostAsync(client, $"/Patients/{patientId}/Courses/{courseId}/Preparation/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Patients/{patientId}")).StatusCode);
        var cookies = new[] { browser.Cookie("kap.session"), browser.Cookie("kap.af") }.OfType<string>().ToList();
        Assert.Equal(2, cookies.Count);

        var log = fixture.Log.Lines.ToList();
        Assert.True(log.Count > 10, "Too few events captured: the capture is not attached.");
        Assert.Contains(log, l => l.Contains(patientId.ToString(), StringComparison.Ordinal)); // ids are logged; PHI is not
        foreach (var secret in new[] { "Plantedphi", "Zzyzx", "zzyzx.planted", "019 7731", "Plantednote", WrongPassword, TestUsers.Password }.Concat(cookies))
        {
            Assert.DoesNotContain(log, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
