using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace KapClinic.Core.Data.Resilience;

/// <summary>
/// EF's retries on transient faults (3, at most 2 s apart), for what they help with: a connection that broke under a
/// command (server restart, pg_terminate_backend; Npgsql's first retry is immediate and, the pool emptied by
/// <see cref="DatabaseCircuitInterceptor"/>, gets a fresh connection). Not while the database cannot be reached at
/// all (<see cref="DatabaseCircuit"/> open): waiting seconds between refused connections only delays the 503 page.
/// </summary>
public sealed class ClinicExecutionStrategy(ExecutionStrategyDependencies dependencies, DatabaseCircuit? circuit)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, ExtraTransientCodes)
{
    public const int MaxRetries = 3;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    // The server ended the session (admin_shutdown after pg_terminate_backend or a fast shutdown; crash_shutdown):
    // the statement did not run, or its transaction rolled back with it.
    private static readonly string[] ExtraTransientCodes = ["57P01", "57P02"];

    protected override bool ShouldRetryOn(Exception? exception) =>
        exception is not DatabaseUnavailableException && circuit?.IsOpen != true && base.ShouldRetryOn(exception);
}
