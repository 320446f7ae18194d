using KapClinic.Bench.Baseline;
using KapClinic.Bench.Data;
using KapClinic.Bench.Load;
using KapClinic.LoadSupport;
using KapClinic.TestSupport;

namespace KapClinic.Bench.Scenarios;

/// <summary>Everything a scenario needs: the cluster, the large data set and its targets, the app, the baseline, a signed-in client.</summary>
public sealed record BenchContext(
    BenchOptions Options,
    WrkRunner Wrk,
    PostgresCluster Cluster,
    BenchDatabase Database,
    BenchTargets Targets,
    AppProcess App,
    ClinicClient Client,
    BaselineApp Baseline);
