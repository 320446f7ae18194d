using System.Globalization;
using KapClinic.Core.Settings;

namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// Shows UTC instants in the clinic's time zone (an Admin setting). One settings read per request, on first use.
/// </summary>
public sealed class ClinicTime(ClinicSettingsService settingsService, TimeProvider clock)
{
    private ClinicSettings? settings;

    public async Task<ClinicSettings> SettingsAsync() => settings ??= await settingsService.GetAsync();

    /// <summary>For the page shell: the clinic's name, or "KapClinic" when the database cannot be read (the error page must render).</summary>
    public async Task<string> ClinicNameOrDefaultAsync()
    {
        try
        {
            return (await SettingsAsync()).ClinicName;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException || ex.InnerException is System.Data.Common.DbException)
        {
            return "KapClinic";
        }
    }

    public async Task<DateTimeOffset> ToClinicTimeAsync(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, (await SettingsAsync()).TimeZone);

    public async Task<DateTimeOffset> NowAsync() => await ToClinicTimeAsync(clock.GetUtcNow());

    public async Task<string> FormatAsync(DateTimeOffset utc, string format = "ddd d MMM yyyy, HH:mm") =>
        (await ToClinicTimeAsync(utc)).ToString(format, CultureInfo.GetCultureInfo("en-US"));
}
