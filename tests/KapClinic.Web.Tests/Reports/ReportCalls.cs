using KapClinic.Core.Auditing;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Reports;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>Runs reports the way pages do, through <see cref="ReportService"/> in a scope of its own, and reads the audit trail back.</summary>
internal static class ReportCalls
{
    public static async Task<ReportPreview> PreviewAsync(KapClinicAppFactory app, string key, ReportFilter filter, Guid userId) =>
        await UseAsync(app, s => s.PreviewAsync(key, filter, userId));

    public static async Task<IReadOnlyList<ReportChart>> ChartsAsync(KapClinicAppFactory app, string key, ReportFilter filter, Guid userId) =>
        await UseAsync(app, s => s.ChartsAsync(key, filter, userId));

    public static async Task<(byte[] Bytes, int Rows)> ExportAsync(KapClinicAppFactory app, string key, ExportFormat format, ReportFilter filter, Guid userId)
    {
        using var output = new MemoryStream();
        var rows = await UseAsync(app, s => s.ExportAsync(key, format, filter, userId, output));
        return (output.ToArray(), rows);
    }

    /// <summary>The user's audit events with this action, newest first.</summary>
    public static async Task<List<AuditEvent>> AuditAsync(KapClinicAppFactory app, Guid userId, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.UserId == userId && e.Action == action).OrderByDescending(e => e.OccurredAt).ToListAsync();
    }

    private static async Task<T> UseAsync<T>(KapClinicAppFactory app, Func<ReportService, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ReportService>());
    }
}
