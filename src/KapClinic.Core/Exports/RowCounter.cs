using System.Runtime.CompilerServices;

namespace KapClinic.Core.Exports;

/// <summary>Counts rows as they stream past, so an export that stops half-way still knows how many rows it wrote.</summary>
public sealed class RowCounter
{
    public int Rows { get; private set; }

    public async IAsyncEnumerable<T> Count<T>(IAsyncEnumerable<T> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
            Rows++;
        }
    }
}
