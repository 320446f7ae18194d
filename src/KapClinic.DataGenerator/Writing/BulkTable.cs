using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace KapClinic.DataGenerator.Writing;

/// <summary>One binary COPY into a table, with progress reported every few thousand rows.</summary>
internal sealed class BulkTable : IAsyncDisposable
{
    private readonly NpgsqlBinaryImporter importer;
    private readonly string table;
    private readonly long expected;
    private readonly IProgress<TableProgress>? progress;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Dictionary<string, long> counts;

    private BulkTable(NpgsqlBinaryImporter importer, string table, long expected, IProgress<TableProgress>? progress, Dictionary<string, long> counts)
    {
        this.importer = importer;
        this.table = table;
        this.expected = expected;
        this.progress = progress;
        this.counts = counts;
    }

    public long Rows { get; private set; }

    public static async Task<BulkTable> OpenAsync(GenerationContext context, string table, string columns, long expected)
    {
        var importer = await context.Connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", context.CancellationToken);
        return new BulkTable(importer, table, expected, context.Progress, context.Counts);
    }

    public void Row()
    {
        if (Rows > 0 && Rows % 20_000 == 0)
        {
            progress?.Report(new TableProgress(table, Rows, expected, clock.Elapsed, false));
        }

        Rows++;
        importer.StartRow();
    }

    public void Write<T>(T value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    public void Uuid(Guid value) => importer.Write(value, NpgsqlDbType.Uuid);

    public void Uuid(Guid? value) => Write(value, NpgsqlDbType.Uuid);

    public void Text(string? value) => Write(value, NpgsqlDbType.Text);

    public void Int(int? value) => Write(value, NpgsqlDbType.Integer);

    public void Bool(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

    public void Time(DateTime? utc) => Write(utc, NpgsqlDbType.TimestampTz);

    public void Date(DateOnly? value) => Write(value, NpgsqlDbType.Date);

    public void Numeric(decimal? value) => Write(value, NpgsqlDbType.Numeric);

    public void TextArray(string[] value) => importer.Write(value, NpgsqlDbType.Array | NpgsqlDbType.Varchar);

    public async ValueTask DisposeAsync()
    {
        await importer.CompleteAsync();
        await importer.DisposeAsync();
        counts[table] = counts.GetValueOrDefault(table) + Rows;
        progress?.Report(new TableProgress(table, Rows, expected, clock.Elapsed, true));
    }
}
