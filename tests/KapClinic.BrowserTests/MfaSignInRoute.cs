using System.Web;
using KapClinic.Core.Users.Mfa;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests;

/// <summary>
/// Lets journeys that are not about sign-in keep their two lines (email, password, "Sign in") while still signing in
/// through the real flow: when the browser posts the sign-in form, the password request goes to the app as is, and when
/// the app asks for the authenticator code, this posts the code page's form (its antiforgery token, the code computed
/// from the user's secret with the app's clock) with the browser context's own cookies; the browser then gets the app's
/// final redirect. A user who must set up an app is enrolled on the real enrolment page the same way.
/// Journeys about sign-in itself use <see cref="BrowserFixture.NewPageAsync(bool)"/> with false and see every page.
/// </summary>
internal static class MfaSignInRoute
{
    public static async Task InstallAsync(IBrowserContext context, KapClinicAppFactory app, Uri baseAddress)
    {
        await context.RouteAsync(
            url => new Uri(url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase),
            route => HandleAsync(route, context, app, baseAddress));
    }

    private static async Task HandleAsync(IRoute route, IBrowserContext context, KapClinicAppFactory app, Uri baseAddress)
    {
        if (route.Request.Method != "POST")
        {
            await route.ContinueAsync();
            return;
        }

        var email = HttpUtility.ParseQueryString(route.Request.PostData ?? string.Empty)["Input.Email"] ?? string.Empty;
        var password = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
        var location = password.Status == 302 && password.Headers.TryGetValue("location", out var l) ? l : null;
        if (location is null)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Response = password }); // refused: the form again
            return;
        }

        if (location.StartsWith(TestMfa.CodePagePath, StringComparison.OrdinalIgnoreCase))
        {
            var codePage = new Uri(baseAddress, location).ToString();
            var html = await (await context.APIRequest.GetAsync(codePage)).TextAsync();
            var form = context.APIRequest.CreateFormData();
            form.Set("Input.Code", await TestMfa.NextCodeAsync(app, email));
            form.Set("__RequestVerificationToken", HtmlForms.TokenIn(html) ?? string.Empty);
            var signedIn = await context.APIRequest.PostAsync(codePage, new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
            await route.FulfillAsync(new RouteFulfillOptions { Response = signedIn });
            return;
        }

        if (await TestMfa.MustEnrolAsync(app, email))
        {
            var enrolPage = new Uri(baseAddress, TestMfa.EnrolPagePath).ToString();
            var html = await (await context.APIRequest.GetAsync(enrolPage)).TextAsync();
            var secret = TestMfa.SecretOnPage(html) ?? throw new InvalidOperationException("The enrolment page shows no key.");
            var form = context.APIRequest.CreateFormData();
            form.Set("Input.Code", TotpCodes.CodeAt(secret, app.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
            form.Set("__RequestVerificationToken", HtmlForms.TokenIn(html) ?? string.Empty);
            await context.APIRequest.PostAsync(enrolPage, new APIRequestContextOptions { Form = form, MaxRedirects = 0 });

            // Enrolling issued a new session cookie (new security stamp) into the context; the password response's
            // Set-Cookie would put back the old one, which the app now refuses. Send the browser on without it.
            await route.FulfillAsync(new RouteFulfillOptions { Status = 302, Headers = new Dictionary<string, string> { ["location"] = location } });
            return;
        }

        await route.FulfillAsync(new RouteFulfillOptions { Response = password });
    }
}
