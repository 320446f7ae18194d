namespace KapClinic.Bench.Data;

/// <summary>Where the bench's data comes from: the scale generator (InterimBenchData is the stand-in it replaced, kept for --interim-data).</summary>
public static class BenchDataSources
{
    public static IBenchData Default(BenchOptions options) =>
        options.InterimData ? new InterimBenchData(options.ResultsDirectory) : new GeneratorBenchData();
}
