using System.Text;

namespace KapClinic.Core.Exports;

/// <summary>
/// Writes RFC 4180 CSV to a stream, row by row (nothing is buffered beyond the writer's own buffer, so memory does
/// not grow with the row count): UTF-8 with a byte-order mark (spreadsheets then read accents right), CRLF line
/// ends, a field quoted when it holds a comma, a quote, CR or LF, quotes doubled. Cells come from <see cref="CsvCells"/>.
/// Async only: a web response refuses synchronous writes.
/// </summary>
public sealed class CsvRowWriter : IAsyncDisposable
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly StreamWriter writer;
    private readonly StringBuilder line = new(256);

    public CsvRowWriter(Stream output)
    {
        writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
    }

    public async Task WriteRowAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            Append(line, cells[i]);
        }

        await writer.WriteLineAsync(line, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await writer.FlushAsync();
        await writer.DisposeAsync();
    }

    private static void Append(StringBuilder line, string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return;
        }

        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(cell);
            return;
        }

        line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
