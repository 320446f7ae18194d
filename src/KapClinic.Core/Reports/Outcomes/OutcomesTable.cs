using System.Globalization;
using KapClinic.Core.Exports;
using KapClinic.Core.Inventory.Records;

namespace KapClinic.Core.Reports.Outcomes;

/// <summary>The outcomes report's columns and cells (screen and PDF text; CSV through <see cref="CsvCells"/>). Blank = not measured or not counted.</summary>
internal static class OutcomesTable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static ReportTable<OutcomeRow> Create() => new(
        [
            new PdfColumn("MRN", 60), new PdfColumn("Initials", 32), new PdfColumn("Protocol", 74), new PdfColumn("Course start", 48),
            new PdfColumn("Course status", 42), new PdfColumn("PHQ-9 baseline", 44, true), new PdfColumn("PHQ-9 latest", 34, true),
            new PdfColumn("PHQ-9 change", 38, true), new PdfColumn("PHQ-9 % change", 38, true), new PdfColumn("PHQ-9 response", 44),
            new PdfColumn("PHQ-9 remission", 50), new PdfColumn("GAD-7 baseline", 44, true), new PdfColumn("GAD-7 latest", 34, true),
            new PdfColumn("GAD-7 change", 38, true), new PdfColumn("GAD-7 % change", 38, true), new PdfColumn("GAD-7 response", 44),
        ],
        row =>
        [
            CsvCells.Text(row.Mrn), CsvCells.Text(row.Initials), CsvCells.Text(row.Protocol), CsvCells.Date(row.StartDate), row.Status.ToString(),
            CsvCells.Number(row.Phq9.Baseline), CsvCells.Number(row.Phq9.Latest), CsvCells.Number(row.Phq9.Change), CsvCells.Number(row.Phq9.PercentChange),
            YesNo(row.Phq9.Response), YesNo(row.Phq9Remission),
            CsvCells.Number(row.Gad7.Baseline), CsvCells.Number(row.Gad7.Latest), CsvCells.Number(row.Gad7.Change), CsvCells.Number(row.Gad7.PercentChange),
            YesNo(row.Gad7.Response),
        ],
        row =>
        [
            row.Mrn, row.Initials, row.Protocol, RecordsFormat.Date(row.StartDate), row.Status.ToString(),
            Number(row.Phq9.Baseline), Number(row.Phq9.Latest), Change(row.Phq9.Change), Change(row.Phq9.PercentChange),
            YesNo(row.Phq9.Response), YesNo(row.Phq9Remission),
            Number(row.Gad7.Baseline), Number(row.Gad7.Latest), Change(row.Gad7.Change), Change(row.Gad7.PercentChange),
            YesNo(row.Gad7.Response),
        ]);

    /// <summary>The totals under the table: courses, follow-ups, and the rates with their counts ("66.7 % (2 of 3)").</summary>
    public static IReadOnlyList<ReportTotal> Totals(OutcomeRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return
        [
            new("Courses", Count(rates.Courses)),
            new("With PHQ-9 follow-up", Count(rates.Phq9FollowedUp)),
            new("PHQ-9 response rate", Rate(rates.Phq9ResponseRate, rates.Phq9Responders, rates.Phq9FollowedUp)),
            new("PHQ-9 remission rate", Rate(rates.Phq9RemissionRate, rates.Phq9Remitters, rates.Phq9FollowedUp)),
            new("With GAD-7 follow-up", Count(rates.Gad7FollowedUp)),
            new("GAD-7 response rate", Rate(rates.Gad7ResponseRate, rates.Gad7Responders, rates.Gad7FollowedUp)),
        ];
    }

    public static string Rate(decimal? rate, long count, long of) =>
        rate is { } r ? string.Create(English, $"{r:0.0} % ({count} of {of})") : "no follow-up";

    private static string Count(long value) => value.ToString(English);

    private static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => string.Empty,
    };

    private static string Number(decimal? value) => value?.ToString("0.##", English) ?? string.Empty;

    private static string Change(decimal? value) => value?.ToString("+0.##;-0.##;0", English) ?? string.Empty;
}
