using KapClinic.DataGenerator.Planning;
using Npgsql;

namespace KapClinic.DataGenerator.Writing;

/// <summary>What every table writer shares: the plan, the users and fixed rows it refers to, the connection and the random numbers.</summary>
internal sealed class GenerationContext
{
    public required NpgsqlConnection Connection { get; init; }
    public required ClinicPlan Plan { get; init; }
    public required Random Random { get; init; }
    public required StaffDirectory Staff { get; init; }
    public required IProgress<TableProgress>? Progress { get; init; }
    public required CancellationToken CancellationToken { get; init; }
    public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);
    public Guid[] Rooms { get; set; } = [];
    public Guid[] Products { get; set; } = []; // vial, lozenge, nasal device
    public List<LotPlan> Lots { get; } = [];

    /// <summary>The pre-dose C-SSRS measure of each completed dosing session (by session index).</summary>
    public Dictionary<int, Guid> PreDoseCssrs { get; } = [];
}
