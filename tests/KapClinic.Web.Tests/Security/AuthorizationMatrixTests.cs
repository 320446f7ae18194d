using System.Net;
using KapClinic.Web.Tests.Security.Support;
using static KapClinic.Web.Tests.Security.Support.Caller;

namespace KapClinic.Web.Tests.Security;

/// <summary>
/// Every route and handler x every caller, against <see cref="AccessTable"/>. A caller the table refuses gets 403
/// (signed in) or the sign-in redirect (anonymous), even when posting with a valid token of their own. A caller the
/// table admits gets the page (GET: 200 unless listed below) or reaches the antiforgery check (POST without a token:
/// 400), which runs only after authorization; the CSRF and injection tests post with tokens.
/// </summary>
[Collection(SecurityRoutes.Name)]
public sealed class AuthorizationMatrixTests(SecurityFixture fixture)
{
    // Allowed callers whose answer is not 200 / 400, and why. Key: page (or endpoint) and handler.
    private static readonly Dictionary<(string Route, string Handler), (Caller[] Callers, HttpStatusCode Status, string Why)> Exceptions = new()
    {
        [("/Account/Login", "GET")] = (AccessTable.SignedIn, HttpStatusCode.Redirect, "a signed-in user is sent on to the dashboard"),
        [("/Reports/Report", "GET ?handler=Export")] = (AccessTable.SignedIn, HttpStatusCode.BadRequest, "an export needs a format: without one the answer is 400 with a message"),
        [("/Reports/Fhir", "GET ?handler=Bundle")] = (AccessTable.AdminsAndClinicians, HttpStatusCode.NotFound, "the download needs a patient id: without one there is no such record"),
        [("/Account/Mfa/Enrol", "GET")] = (AccessTable.SignedIn, HttpStatusCode.Redirect, "the seeded users already have an app: enrolment sends them on"),
        [("/Account/Logout", "GET")] = (AccessTable.SignedIn, HttpStatusCode.Redirect, "signing out is a POST; GET goes home"),
        [("/Schedule/Index", "GET")] = (AccessTable.Clinicians, HttpStatusCode.Redirect, "clinicians land on their own day"),
        [("/Schedule/Appointments/Details", "GET")] = ([Clinician], HttpStatusCode.Forbidden, "a clinician reads only appointments they take part in: the seeded one is the prescriber's"),
        [("/Patients/Dosing/Checklist", "GET")] = (AccessTable.Clinicians, HttpStatusCode.Redirect, "the seeded session is signed: its forms go to the record"),
        [("/Patients/Dosing/Dose", "GET")] = (AccessTable.Clinicians, HttpStatusCode.Redirect, "the seeded session is signed"),
        [("/Patients/Dosing/Discharge", "GET")] = (AccessTable.Clinicians, HttpStatusCode.Redirect, "the seeded session is signed"),
        [("/Patients/Preparation/Edit", "GET")] = (AccessTable.Clinicians, HttpStatusCode.Redirect, "the seeded note is signed: editing goes to the record"),
        [("/Patients/Integration/Edit", "GET")] = (AccessTable.Clinicians, HttpStatusCode.Redirect, "the seeded note is signed"),
        [("/calendar/{token}.ics", "GET")] = (AccessTable.Anyone, HttpStatusCode.NotFound, "no feed has the sample token"),
        [("/Error", "POST")] = (AccessTable.Anyone, HttpStatusCode.OK, "the error page answers a failed POST re-executed, so it takes no token"),
        [("/StatusCode", "POST")] = (AccessTable.Anyone, HttpStatusCode.OK, "as /Error"),
    };

    // Pages that send every caller, signed in or not, to the sign-in page: the code steps need the password step first.
    private static readonly HashSet<(string Route, string Handler)> SentToSignIn =
    [
        ("/Account/LoginWith2fa", "GET"),
        ("/Account/LoginWithRecoveryCode", "GET"),
    ];

    [Fact]
    public async Task Every_route_and_handler_answers_each_caller_as_the_access_table_says()
    {
        var problems = new List<string>();
        foreach (var route in fixture.Routes)
        {
            var allowed = AccessTable.AllowedFor(route);
            if (allowed is null)
            {
                problems.Add($"{route.Page ?? route.Template}: no entry in AccessTable; decide who may use it and add one.");
                continue;
            }

            foreach (var handler in route.Handlers)
            {
                foreach (var caller in SecurityFixture.Callers)
                {
                    var expected = Expected(route, handler, caller, allowed);
                    var actual = await SendAsync(route, handler, caller, withToken: !allowed.Contains(caller));
                    if (actual != expected)
                    {
                        problems.Add($"{handler.Verb} {fixture.Seeded.Url(route.Template, handler)} ({route.Page ?? route.Template}) as {caller}: expected {expected}, got {actual}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_walk_sees_every_kind_of_route()
    {
        var templates = fixture.Routes.Select(r => r.Template).ToList();
        Assert.Contains("/Admin/Users/Edit/{id:guid}", templates);
        Assert.Contains("/health/live", templates);
        Assert.Contains(fixture.Routes, r => r.Page == "/Patients/Dosing/Details" && r.Posts.Any(h => h.Name == "Sign"));
        Assert.True(fixture.Routes.Sum(r => r.Handlers.Count) > 100, "Too few handlers found: the walk is broken.");
    }

    private static string Expected(RouteEntry route, Handler handler, Caller caller, Caller[] allowed)
    {
        if (!allowed.Contains(caller))
        {
            return caller == Anonymous ? "302 to sign-in" : "403";
        }

        if (SentToSignIn.Contains((route.Page ?? route.Template, handler.ToString())))
        {
            return "302 to sign-in";
        }

        if (Exceptions.TryGetValue((route.Page ?? route.Template, handler.ToString()), out var exception)
            || Exceptions.TryGetValue((route.Template, handler.ToString()), out exception))
        {
            if (exception.Callers.Contains(caller))
            {
                return Describe(exception.Status, null);
            }
        }

        return handler.Verb == "POST" && route.Page is not null ? "400" : "200";
    }

    private async Task<string> SendAsync(RouteEntry route, Handler handler, Caller caller, bool withToken)
    {
        var browser = fixture.As(caller);
        var request = new HttpRequestMessage(new HttpMethod(handler.Verb), fixture.Seeded.Url(route.Template, handler));
        if (handler.Verb == "POST")
        {
            var token = withToken ? await browser.TokenAsync(caller == Anonymous ? "/Account/Login" : "/") : null;
            request.Content = new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
        }

        var response = await browser.Client.SendAsync(request);
        return Describe(response.StatusCode, response.Headers.Location);
    }

    private static string Describe(HttpStatusCode status, Uri? location) =>
        status == HttpStatusCode.Redirect && location?.ToString().Contains("/Account/Login", StringComparison.Ordinal) == true
            ? "302 to sign-in"
            : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
