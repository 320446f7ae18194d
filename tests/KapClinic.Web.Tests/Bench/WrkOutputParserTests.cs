using KapClinic.Bench.Load;

namespace KapClinic.Web.Tests.Bench;

public sealed class WrkOutputParserTests
{
    private const string Output = """
        Running 15s test @ http://127.0.0.1:40123/Patients
          2 threads and 16 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     5.23ms    2.10ms  40.12ms   80.00%
            Req/Sec     1.55k   200.00     2.00k    70.00%
          Latency Distribution
             50%  812.00us
             75%    6.12ms
             90%    7.80ms
             99%    1.20s
          46234 requests in 15.01s, 120.34MB read
          Socket errors: connect 0, read 2, write 0, timeout 3
          Non-2xx or 3xx responses: 12
        Requests/sec:   3080.12
        Transfer/sec:      8.02MB
        """;

    [Fact]
    public void A_report_with_latency_gives_throughput_percentiles_and_errors()
    {
        var result = WrkOutputParser.Parse(Output);

        Assert.Equal(3080.12, result.RequestsPerSecond, 2);
        Assert.Equal(TimeSpan.FromMicroseconds(812), result.P50);
        Assert.Equal(TimeSpan.FromSeconds(1.2), result.P99);
        Assert.Equal(46234, result.Requests);
        Assert.Equal(12, result.ErrorResponses);
        Assert.Equal(5, result.SocketErrors);
        Assert.False(result.IsClean);
    }

    [Fact]
    public void A_clean_run_has_no_errors()
    {
        var clean = Output.Replace("  Socket errors: connect 0, read 2, write 0, timeout 3\n", string.Empty, StringComparison.Ordinal)
            .Replace("  Non-2xx or 3xx responses: 12\n", string.Empty, StringComparison.Ordinal);

        Assert.True(WrkOutputParser.Parse(clean).IsClean);
    }

    [Theory]
    [InlineData("4.89ms", 4.89)]
    [InlineData("250.00us", 0.25)]
    [InlineData("2.00s", 2000)]
    [InlineData("1.00m", 60000)]
    public void Durations_in_every_unit_wrk_prints_are_read(string text, double milliseconds) =>
        Assert.Equal(milliseconds, WrkOutputParser.Duration(text).TotalMilliseconds, 3);

    [Fact]
    public void Output_without_a_result_is_refused() =>
        Assert.Throws<FormatException>(() => WrkOutputParser.Parse("unable to connect to 127.0.0.1:1 Connection refused"));
}
