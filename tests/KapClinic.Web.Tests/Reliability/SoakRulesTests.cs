using KapClinic.Soak;

namespace KapClinic.Web.Tests.Reliability;

public sealed class SoakRulesTests
{
    private const long Mib = 1024 * 1024;

    [Theory]
    [InlineData(50, 50)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(1, 1)]
    public void Percentiles_are_by_nearest_rank(double percent, double expected)
    {
        var values = Enumerable.Range(1, 100).Select(v => (double)v).Reverse().ToList();

        Assert.Equal(expected, Percentiles.Of(values, percent));
    }

    [Fact]
    public void The_p99_of_few_values_is_the_largest_and_of_none_is_zero()
    {
        Assert.Equal(30, Percentiles.Of([10, 30, 20], 99));
        Assert.Equal(20, Percentiles.Of([10, 30, 20], 50));
        Assert.Equal(0, Percentiles.Of([], 99));
    }

    [Fact]
    public void Memory_that_grows_during_warm_up_and_then_levels_off_is_steady()
    {
        long[] mib = [200, 260, 320, 360, 380, 385, 390, 388, 392, 395, 393, 396];

        var verdict = MemoryRule.Judge(Samples(mib));

        Assert.True(verdict.Steady, verdict.Reason);
        Assert.Equal(396 * Mib, verdict.Peak);
    }

    [Fact]
    public void Memory_that_keeps_growing_over_the_last_half_is_not_steady()
    {
        long[] mib = [200, 220, 240, 260, 280, 300, 320, 340, 360, 380, 400, 420];

        var verdict = MemoryRule.Judge(Samples(mib));

        Assert.True(verdict.Failed);
        Assert.True(verdict.GrowthPercent > 10, verdict.Reason);
    }

    [Fact]
    public void One_sample_caught_before_a_collection_does_not_decide_the_verdict()
    {
        long[] mib = [300, 350, 380, 390, 392, 391, 393, 392, 394, 393, 395, 470];

        Assert.True(MemoryRule.Judge(Samples(mib)).Steady);
    }

    [Fact]
    public void A_run_shorter_than_three_minutes_is_reported_but_not_judged()
    {
        long[] mib = [200, 240, 280, 320, 360, 400];

        var verdict = MemoryRule.Judge([.. mib.Select((m, i) => new MemorySample(TimeSpan.FromSeconds(10 * i), m * Mib))]);

        Assert.False(verdict.Judged);
        Assert.False(verdict.Failed);
        Assert.Contains("not judged", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_memory_samples_are_not_a_pass()
    {
        Assert.True(MemoryRule.Judge(Samples([300, 300])).Failed);
    }

    [Fact]
    public void The_friendly_503_page_passes_and_a_stack_trace_does_not()
    {
        const string friendly = "<h1 class=\"h3\">Service unavailable</h1><p>The clinic's database cannot be reached right now.</p>";
        const string trace = "<h1>Service unavailable</h1><pre>Npgsql.NpgsqlException: Failed to connect\n   at Npgsql.Internal.NpgsqlConnector.Open(NpgsqlTimeout timeout)</pre>";

        Assert.True(ResponseCheck.IsFriendlyUnavailable(503, friendly));
        Assert.False(ResponseCheck.IsFriendlyUnavailable(500, friendly));
        Assert.False(ResponseCheck.IsFriendlyUnavailable(503, trace));
        Assert.True(ResponseCheck.ShowsInternals("   at KapClinic.Core.Dosing.MonitoringService.AddReadingAsync(Guid id)"));
        Assert.False(ResponseCheck.ShowsInternals("Please try again at the front desk (or call us)."));
    }

    [Fact]
    public void Booking_slots_are_weekday_half_hours_that_never_repeat()
    {
        var slots = new SlotAllocator(new DateOnly(2026, 11, 28));

        var all = Enumerable.Range(0, SlotAllocator.SlotsPerDay * 7).Select(_ => slots.Next()).ToList();

        Assert.Equal(all.Count, all.Select(s => (s.Date, s.Start)).Distinct().Count());
        Assert.All(all, s => Assert.DoesNotContain(s.Date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
        Assert.All(all, s => Assert.True(s.Start >= new TimeOnly(7, 0) && s.End <= new TimeOnly(19, 0) && s.End == s.Start.AddMinutes(30)));
        Assert.Equal(7, all.Select(s => s.Date).Distinct().Count());
    }

    [Fact]
    public void The_command_line_sets_minutes_users_and_faults()
    {
        Assert.Equal(5, SoakOptions.Parse([])!.Minutes);
        Assert.Equal(4, SoakOptions.Parse(["--faults"])!.Minutes);
        var options = SoakOptions.Parse(["--faults", "--minutes", "2.5", "--users", "20"])!;
        Assert.Equal((2.5, 20, 4, true), (options.Minutes, options.Users, options.StaffUsers, options.Faults));
        Assert.Null(SoakOptions.Parse(["--minutes", "soon"]));
    }

    // Twenty seconds apart: a 12-sample curve spans more than the three minutes a verdict needs.
    private static List<MemorySample> Samples(long[] mib) => [.. mib.Select((m, i) => new MemorySample(TimeSpan.FromSeconds(20 * i), m * Mib))];
}
