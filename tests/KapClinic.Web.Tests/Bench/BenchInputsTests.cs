using KapClinic.Bench.Data;
using KapClinic.Bench.Load;

namespace KapClinic.Web.Tests.Bench;

public sealed class BenchInputsTests
{
    [Fact]
    public void The_export_range_takes_the_latest_days_until_it_holds_the_rows_wanted()
    {
        var days = new List<(DateOnly, long)> { (new(2026, 3, 5), 400), (new(2026, 3, 4), 300), (new(2026, 3, 1), 500), (new(2026, 2, 27), 900) };

        Assert.Equal(new ExportRange(new(2026, 3, 1), new(2026, 3, 5), 1200), BenchTargets.Pick(days, 1000));
        Assert.Equal(new ExportRange(new(2026, 2, 27), new(2026, 3, 5), 2100), BenchTargets.Pick(days, 1_000_000));
    }

    [Fact]
    public void A_post_script_sends_the_cookie_and_form_and_a_fresh_idempotency_key_per_request()
    {
        var script = WrkScript.Post("session=abc", WrkScript.FormBody([new("Query.Name", "núñez"), new("__RequestVerificationToken", "t+k")]), freshIdempotencyKey: true);

        Assert.Contains("wrk.headers[\"Cookie\"] = [=[session=abc]=]", script, StringComparison.Ordinal);
        Assert.Contains("local form = [=[Query.Name=n%C3%BA%C3%B1ez&__RequestVerificationToken=t%2Bk]=]", script, StringComparison.Ordinal);
        Assert.Contains("function request()", script, StringComparison.Ordinal);
        Assert.Contains("form .. \"&__IdempotencyKey=\" .. key", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_script_without_an_idempotency_key_sends_the_same_body_each_time()
    {
        var script = WrkScript.Post(string.Empty, "name=chen", freshIdempotencyKey: false);

        Assert.Contains("wrk.body = form", script, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookie", script, StringComparison.Ordinal);
        Assert.DoesNotContain("function request()", script, StringComparison.Ordinal);
    }
}
