using System.Text;
using CsvHelper;
using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace KapClinic.Web.Tests.Reports;

/// <summary>Runs reports through <see cref="ReportService"/> as a given user, and reads the exports back (CsvHelper, PdfPig).</summary>
internal static class ReportRuns
{
    public static ReportFilter Period(Guid? clinician = null, Guid? protocol = null, Core.Patients.PatientStatus? status = null) => new()
    {
        From = ClinicalReportSeed.From, To = ClinicalReportSeed.To, ClinicianId = clinician, ProtocolId = protocol, PatientStatus = status,
    };

    public static async Task<ReportPreview> PreviewAsync(KapClinicAppFactory app, string key, ReportFilter filter, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportService>().PreviewAsync(key, filter, userId);
    }

    public static async Task<byte[]> ExportAsync(KapClinicAppFactory app, string key, ExportFormat format, ReportFilter filter, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ReportService>().ExportAsync(key, format, filter, userId, output);
        return output.ToArray();
    }

    /// <summary>The CSV's rows (header first), parsed by CsvHelper.</summary>
    public static List<string[]> Csv(byte[] csv)
    {
        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(csv), new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            rows.Add(row.ToArray());
        }

        return rows;
    }

    /// <summary>The PDF's pages' text, read by PdfPig.</summary>
    public static (int Pages, string Text) Pdf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join('\n', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        return (document.NumberOfPages, text);
    }

    /// <summary>Text without any white space, to find a value the PDF table wrapped over two lines.</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The user's audit events of <paramref name="action"/> (exports in one test share the fixed clock's instant, so no order is assumed).</summary>
    public static async Task<List<AuditEvent>> AuditsAsync(KapClinicAppFactory app, string action, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && e.UserId == userId).ToListAsync();
    }
}
