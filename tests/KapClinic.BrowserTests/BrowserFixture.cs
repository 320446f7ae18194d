using KapClinic.TestSupport;
using Microsoft.Playwright;

namespace KapClinic.BrowserTests;

/// <summary>
/// The real app on real Kestrel (a loopback port) with its own database, and Debian's Chromium driven by
/// Playwright. Nothing is downloaded: Playwright's driver ships in its NuGet package and the browser is
/// /usr/bin/chromium (override with KAPCLINIC_CHROMIUM). <see cref="FakeClockBrowserFixture"/> puts the app on a clock the test moves.
/// </summary>
public class BrowserFixture : AppFixture
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KAPCLINIC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies) on the app. Signing in there needs only the email and password: the
    /// authenticator step is completed for the journey through the real code page (see <see cref="MfaSignInRoute"/>).
    /// </summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(completeMfaAutomatically: true);

    /// <summary>A fresh browser context; with false, the person in the test types the authenticator code themselves.</summary>
    public async Task<IPage> NewPageAsync(bool completeMfaAutomatically)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        if (completeMfaAutomatically)
        {
            await MfaSignInRoute.InstallAsync(context, Factory, BaseAddress);
        }

        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot under the test output's screenshots folder, for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    public override async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }

    protected override void StartHost(KapClinicAppFactory app) => BaseAddress = app.StartKestrel();
}
