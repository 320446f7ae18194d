namespace KapClinic.Bench.Data;

/// <summary>Where the bench's data comes from: the one place to swap in the scale generator.</summary>
public static class BenchDataSources
{
    public static IBenchData Default(BenchOptions options) => new InterimBenchData(options.ResultsDirectory);
}
