using KapClinic.DataGenerator;
using KapClinic.TestSupport;

namespace KapClinic.Bench.Data;

/// <summary>
/// The scale generator (src/KapClinic.DataGenerator): the large or small profile, reused when the database already
/// holds the same generated scale; the bench signs in as generated clinician 1 (a prescriber).
/// </summary>
public sealed class GeneratorBenchData : IBenchData
{
    public string Description => "the scale generator (src/KapClinic.DataGenerator)";

    public async Task<BenchDatabase> EnsureAsync(PostgresCluster cluster, string database, BenchScale scale, bool force, CancellationToken cancellationToken)
    {
        await BenchCluster.EnsureDatabaseAsync(cluster, database);
        var owner = cluster.ConnectionString(database);
        var profile = scale == BenchScale.Large ? ScaleProfile.Large : ScaleProfile.Small;
        var progress = new Progress<TableProgress>(p =>
        {
            if (p.Done)
            {
                Console.WriteLine($"    {database}: {p.Step}: {p.Rows:#,0} rows ({p.Elapsed.TotalSeconds:0} s)");
            }
        });
        try
        {
            var summary = await ScaleDataGenerator.GenerateAsync(owner, profile, new GenerateOptions { Force = force }, progress, cancellationToken);
            Console.WriteLine($"    {database}: {summary.Outcome} ({profile.Name}, {summary.Elapsed.TotalSeconds:0} s)");
        }
        catch (GenerationRefusedException ex)
        {
            throw new InvalidOperationException(ex.Message + " (the bench's own data: ./build.sh bench --fresh starts it again)", ex);
        }

        return new BenchDatabase(
            database, owner, cluster.ConnectionString(database, BenchCluster.AppRole),
            new BenchUser(GeneratedUsers.Clinician(1), GeneratedUsers.Password, GeneratedUsers.MfaSecret));
    }
}
