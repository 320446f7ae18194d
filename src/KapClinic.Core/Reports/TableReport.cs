using KapClinic.Core.Exports;

namespace KapClinic.Core.Reports;

/// <summary>
/// A report that is a table of rows streamed from the database: a subclass gives the definition, the table (columns,
/// CSV and PDF cells), the rows as an <see cref="IAsyncEnumerable{T}"/> (AsNoTracking, projected, ordered) and its
/// totals; this class makes the preview and the exports (CSV, XLSX, PDF through <see cref="TableExport"/>).
/// </summary>
public abstract class TableReport<TRow> : IReport
{
    public abstract ReportDefinition Definition { get; }

    /// <summary>The columns and cells; may depend on the requester (Staff see no free-text clinical columns).</summary>
    protected abstract ReportTable<TRow> Table(ReportContext context);

    protected abstract IAsyncEnumerable<TRow> Rows(ReportContext context, CancellationToken cancellationToken);

    /// <summary>Totals and rates over all rows matching the filter (computed in SQL, not from the preview rows).</summary>
    protected virtual Task<IReadOnlyList<ReportTotal>> TotalsAsync(ReportContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReportTotal>>([]);

    /// <summary>What an export prints above its table: clinic, title, filters, generated-at (a report may add a notice).</summary>
    protected virtual ReportHeading Heading(ReportContext context) => ReportHeadings.For(context, Definition);

    /// <summary>Rows an export adds before and after the data rows (opening and closing balances) and closing lines; none by default.</summary>
    protected virtual Task<ReportRows> ExtraRowsAsync(ReportContext context, CancellationToken cancellationToken) => Task.FromResult(ReportRows.None);

    public async Task<ReportPreview> PreviewAsync(ReportContext context, int rows, CancellationToken cancellationToken)
    {
        var table = Table(context);
        var shown = new List<IReadOnlyList<string?>>(rows);
        var more = false;
        await foreach (var row in Rows(context, cancellationToken).WithCancellation(cancellationToken))
        {
            if (shown.Count == rows)
            {
                more = true;
                break;
            }

            shown.Add(table.Pdf(row));
        }

        var totals = await TotalsAsync(context, cancellationToken);
        return new ReportPreview([.. table.Columns.Select(c => c.Header)], shown, totals, more);
    }

    public async Task<int> WriteAsync(ReportContext context, ExportFormat format, Stream output, RowCounter counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(counter);
        var totals = await TotalsAsync(context, cancellationToken);
        var extra = await ExtraRowsAsync(context, cancellationToken);
        // The CSV stays data only (one header row, then rows) so it loads into statistics tools; totals go on the PDF.
        IReadOnlyList<string> closing = format == ExportFormat.Csv ? [] : [.. extra.Closing, .. totals.Select(t => $"{t.Label}: {t.Value}")];
        return await TableExport.WriteAsync(
            output, format, Heading(context), Table(context), counter.Count(Rows(context, cancellationToken), cancellationToken),
            new ReportRows(extra.Leading, extra.Trailing, closing), cancellationToken);
    }
}
