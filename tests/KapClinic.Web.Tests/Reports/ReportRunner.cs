using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>Runs reports through <see cref="ReportService"/> (as the pages do) and reads the audit trail back.</summary>
public sealed class ReportRunner(KapClinicAppFactory app)
{
    public async Task<ReportPreview> PreviewAsync(string key, ReportFilter filter, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportService>().PreviewAsync(key, filter, userId);
    }

    public async Task<byte[]> ExportAsync(string key, ExportFormat format, ReportFilter filter, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ReportService>().ExportAsync(key, format, filter, userId, output);
        return output.ToArray();
    }

    /// <summary>The CSV's lines (after the byte-order mark), without the empty end.</summary>
    public async Task<string[]> CsvLinesAsync(string key, ReportFilter filter, Guid userId) =>
        Lines(await ExportAsync(key, ExportFormat.Csv, filter, userId));

    public static string[] Lines(byte[] csv) =>
        System.Text.Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The newest audit event of this action by this user.</summary>
    public async Task<AuditEvent?> LastAuditAsync(string action, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KapClinicDbContext>();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == action && e.UserId == userId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).FirstOrDefaultAsync();
    }
}
