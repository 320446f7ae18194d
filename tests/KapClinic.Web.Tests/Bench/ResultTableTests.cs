using KapClinic.Bench.Load;
using KapClinic.Bench.Report;

namespace KapClinic.Web.Tests.Bench;

public sealed class ResultTableTests
{
    [Fact]
    public void The_table_has_a_row_per_scenario_with_ratio_target_and_result()
    {
        var table = ResultTable.Markdown(
        [
            new ScenarioResult("Patient chart", "900 req/s", "2,000 req/s", 0.45, ">= 0.35x", true),
            new ScenarioResult("Start-up", "6.10 s", "-", null, "< 5 s", false, "all: 6.0 s | 6.1 s"),
        ]);

        var lines = table.TrimEnd().Split('\n');
        Assert.Equal("| Scenario | Ours | Floor | Ratio | Target | Result |", lines[0]);
        Assert.Equal("| Patient chart | 900 req/s | 2,000 req/s | 0.45x | >= 0.35x | pass |", lines[2]);
        Assert.Equal(@"| Start-up | 6.10 s | - | - | < 5 s | **FAIL** (all: 6.0 s \| 6.1 s) |", lines[3]);
    }

    [Fact]
    public void Throughput_reads_as_requests_per_second_with_p50_and_p99()
    {
        var result = new WrkResult(1234.4, TimeSpan.FromMilliseconds(4.123), TimeSpan.FromMilliseconds(12.04), 100, 0, 0);

        Assert.Equal("1,234 req/s, p50 4.12 ms, p99 12.0 ms", ResultTable.Throughput(result));
    }
}
