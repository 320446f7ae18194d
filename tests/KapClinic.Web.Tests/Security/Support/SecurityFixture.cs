using System.Net;
using KapClinic.Core.Data;
using KapClinic.Core.Demo;
using KapClinic.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Security.Support;

/// <summary>
/// The app on a fresh database holding the demo clinic (patients, notes, dosing, schedule, inventory), the routes it
/// maps, real ids to fill them and a signed-in browser per <see cref="Caller"/> (the demo users).
/// </summary>
public class SecurityFixture : AppFixture
{
    private static readonly Dictionary<Caller, string> Emails = new()
    {
        [Caller.Admin] = "admin@kapclinic.test",
        [Caller.Clinician] = DemoSeeder.NurseEmail,
        [Caller.Prescriber] = DemoSeeder.PrescriberEmail,
        [Caller.Staff] = "staff@kapclinic.test",
    };

    private readonly Dictionary<Caller, Browser> browsers = [];

    public SeededRecords Seeded { get; private set; } = null!;

    public IReadOnlyList<RouteEntry> Routes { get; private set; } = [];

    public static IReadOnlyList<Caller> Callers { get; } = Enum.GetValues<Caller>();

    public Browser As(Caller caller) => browsers[caller];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
            Seeded = await SeededRecords.ReadAsync(scope.ServiceProvider.GetRequiredService<KapClinicDbContext>());
        }

        Routes = RouteCatalog.Routes(Factory.Services);
        foreach (var caller in Callers)
        {
            browsers[caller] = await SignInAsync(caller);
        }
    }

    /// <summary>A new browser signed in as the caller's demo user (a second session of the same user).</summary>
    public async Task<Browser> SignInAsync(Caller caller)
    {
        var browser = Browser.Open(Factory);
        if (caller != Caller.Anonymous)
        {
            var response = await TestUsers.PostSignInAsync(browser.Client, Emails[caller], DemoSeeder.Password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return browser;
    }
}
