using KapClinic.Core.Data;
using KapClinic.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KapClinic.Web.Tests.Infrastructure.Jobs;

/// <summary>A test job: each run writes one row (which instance, when) into the table test_job_runs.</summary>
public sealed class CountingJob(IServiceScopeFactory scopes, ILogger<CountingJob> logger) : SingleInstanceJob(scopes, logger)
{
    public const string Table = "test_job_runs";

    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    public string Instance { get; } = Guid.NewGuid().ToString("N");

    protected override string JobName => "test-counting-job";

    protected override TimeSpan Interval => Every;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<KapClinicDbContext>();
        await db.Database.ExecuteSqlAsync($"INSERT INTO test_job_runs (instance, ran_at) VALUES ({Instance}, clock_timestamp())", cancellationToken);
    }
}
