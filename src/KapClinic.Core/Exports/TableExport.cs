namespace KapClinic.Core.Exports;

/// <summary>
/// Writes a report as CSV, XLSX or PDF: the heading (PDF pages; the CSV is data only, its first row the column headers),
/// leading rows, the data rows as they stream in, trailing rows, then closing lines (a signature). Returns the number
/// of data rows written.
/// </summary>
public static class TableExport
{
    public static async Task<int> WriteAsync<T>(
        Stream output,
        ExportFormat format,
        ReportHeading heading,
        ReportTable<T> table,
        IAsyncEnumerable<T> rows,
        ReportRows extra,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(extra);
        var count = 0;
        if (format == ExportFormat.Csv)
        {
            await using var csv = new CsvRowWriter(output);
            await csv.WriteRowAsync([.. table.Columns.Select(c => CsvCells.Text(c.Header))], cancellationToken);
            foreach (var row in extra.Leading)
            {
                await csv.WriteRowAsync(row.Csv, cancellationToken);
            }

            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await csv.WriteRowAsync(table.Csv(row), cancellationToken);
                count++;
            }

            foreach (var row in extra.Trailing)
            {
                await csv.WriteRowAsync(row.Csv, cancellationToken);
            }

            foreach (var line in extra.Closing)
            {
                await csv.WriteRowAsync([CsvCells.Text(line), .. Enumerable.Repeat(string.Empty, table.Columns.Count - 1)], cancellationToken);
            }

            return count;
        }

        if (format == ExportFormat.Xlsx)
        {
            return await WriteXlsxAsync(output, heading, table, rows, extra, cancellationToken);
        }

        using var pdf = new PdfTableDocument(heading, table.Columns);
        foreach (var row in extra.Leading)
        {
            pdf.AddRow(row.Pdf, emphasis: true);
        }

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            pdf.AddRow(table.Pdf(row));
            count++;
        }

        foreach (var row in extra.Trailing)
        {
            pdf.AddRow(row.Pdf, emphasis: true);
        }

        if (count == 0)
        {
            pdf.AddParagraph("No entries match these filters.");
        }

        foreach (var line in extra.Closing)
        {
            pdf.AddParagraph(line);
        }

        await pdf.SaveAsync(output, cancellationToken);
        return count;
    }

    private static async Task<int> WriteXlsxAsync<T>(
        Stream output, ReportHeading heading, ReportTable<T> table, IAsyncEnumerable<T> rows, ReportRows extra, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var xlsx = new XlsxTableWriter(output, heading?.Title ?? "Report", [.. table.Columns.Select(c => c.Header)], cancellationToken);
        foreach (var row in extra.Leading)
        {
            await xlsx.WriteRowAsync(row.Csv);
        }

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await xlsx.WriteRowAsync(table.Csv(row));
            count++;
        }

        foreach (var row in extra.Trailing)
        {
            await xlsx.WriteRowAsync(row.Csv);
        }

        if (extra.Closing.Count > 0)
        {
            await xlsx.WriteRowAsync([]);
        }

        foreach (var line in extra.Closing)
        {
            await xlsx.WriteRowAsync([line]);
        }

        return count;
    }
}
