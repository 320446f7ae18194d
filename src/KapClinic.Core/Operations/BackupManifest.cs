using System.Globalization;
using System.Text.Json;

namespace KapClinic.Core.Operations;

/// <summary>
/// What a backup held when it was taken: every table's row count and content hash, computed in the very snapshot the
/// dump was taken from. Written as JSON beside the dump (<c>NAME.manifest.json</c>); a restore is checked against it.
/// </summary>
public sealed record BackupManifest(DateTimeOffset TakenAt, string Database, string ServerVersion, IReadOnlyList<TableFingerprint> Tables)
{
    public const string Extension = ".manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The manifest's file for a dump file: <c>x.dump</c> → <c>x.manifest.json</c>.</summary>
    public static string PathFor(string dumpFile) => Path.ChangeExtension(dumpFile, null) + Extension;

    public static async Task<BackupManifest> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} is not a backup manifest.");
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }

    /// <summary>Every difference between this manifest and a database's fingerprints (empty: equal), one sentence each.</summary>
    public IReadOnlyList<string> Differences(IReadOnlyList<TableFingerprint> actual)
    {
        var found = actual.ToDictionary(t => t.Table, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var expected in Tables)
        {
            if (!found.Remove(expected.Table, out var table))
            {
                differences.Add($"table {expected.Table} is missing");
            }
            else if (table.Rows != expected.Rows)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"table {expected.Table} has {table.Rows} rows, the backup had {expected.Rows}"));
            }
            else if (table.Md5 != expected.Md5)
            {
                differences.Add($"table {expected.Table} has the same row count but different content (md5 {table.Md5}, the backup had {expected.Md5})");
            }
        }

        differences.AddRange(found.Keys.Order(StringComparer.Ordinal).Select(t => $"table {t} is not in the backup"));
        return differences;
    }
}
