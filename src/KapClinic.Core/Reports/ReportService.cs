using FluentValidation;
using FluentValidation.Results;
using KapClinic.Core.Auditing;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using KapClinic.Core.Exports;
using KapClinic.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KapClinic.Core.Reports;

/// <summary>
/// The one way reports run: finds the report by key, loads the requester from the database and checks their role,
/// validates the filter, and audits every preview and export (who, report, filters, row count, format; an export
/// that fails or is abandoned is audited as a failure with the rows written so far).
/// </summary>
public sealed class ReportService(
    IEnumerable<IReport> reports,
    KapClinicDbContext db,
    ClinicSettingsService settings,
    IValidator<ReportFilter> validator,
    IOptions<ReportOptions> options,
    AuditLog audit,
    TimeProvider clock)
{
    private readonly IReadOnlyList<IReport> all = [.. reports.OrderBy(r => ReportKeys.Order(r.Definition.Key))];

    /// <summary>Every report, in catalogue order.</summary>
    public IReadOnlyList<ReportDefinition> Definitions => [.. all.Select(r => r.Definition)];

    public ReportDefinition? Find(string? key) => all.FirstOrDefault(r => string.Equals(r.Definition.Key, key, StringComparison.Ordinal))?.Definition;

    /// <summary>The reports this user may run.</summary>
    public async Task<IReadOnlyList<ReportDefinition>> CatalogueAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var requester = await RequesterAsync(userId, cancellationToken);
        return [.. Definitions.Where(d => d.IsFor(requester))];
    }

    /// <summary>Validates the filter for this report (messages keyed by query-string name: from, to, patient, ...).</summary>
    public async Task<ValidationResult> ValidateAsync(ReportDefinition definition, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var context = new ValidationContext<ReportFilter>(filter);
        context.RootContextData[ReportFilterValidator.DefinitionKey] = definition;
        return await validator.ValidateAsync(context, cancellationToken);
    }

    public async Task<ReportPreview> PreviewAsync(string key, ReportFilter filter, Guid userId, CancellationToken cancellationToken = default)
    {
        var (report, context) = await PrepareAsync(key, filter, userId, cancellationToken);
        var preview = await report.PreviewAsync(context, options.Value.PreviewRows, cancellationToken);
        await audit.RecordAsync(
            AuditActions.ReportPreviewed, AuditOutcome.Success, userId, "Report", patientId: filter.PatientId,
            detail: $"report={key} {filter.Describe(report.Definition.Filters)} rows={preview.Rows.Count}", cancellationToken: cancellationToken);
        return preview;
    }

    /// <summary>The report's charts (empty for a report without charts); audited with the preview, not again.</summary>
    public async Task<IReadOnlyList<ReportChart>> ChartsAsync(string key, ReportFilter filter, Guid userId, CancellationToken cancellationToken = default)
    {
        var (report, context) = await PrepareAsync(key, filter, userId, cancellationToken);
        return report is IChartedReport charted ? await charted.ChartsAsync(context, cancellationToken) : [];
    }

    /// <summary>Streams the report to <paramref name="output"/> in <paramref name="format"/>; returns the rows written.</summary>
    public async Task<int> ExportAsync(string key, ExportFormat format, ReportFilter filter, Guid userId, Stream output, CancellationToken cancellationToken = default)
    {
        var (report, context) = await PrepareAsync(key, filter, userId, cancellationToken);
        if (!report.Definition.Formats.Contains(format))
        {
            throw new RuleViolationException("format", $"{report.Definition.Title} is not offered as {format.ToString().ToUpperInvariant()}.");
        }

        var counter = new RowCounter();
        var outcome = AuditOutcome.Failure;
        try
        {
            var rows = await report.WriteAsync(context, format, output, counter, cancellationToken);
            outcome = AuditOutcome.Success;
            return rows;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(
                AuditActions.ReportExported, outcome, userId, "Report", patientId: filter.PatientId,
                detail: $"report={key} format={format} {filter.Describe(report.Definition.Filters)} rows={counter.Rows}",
                cancellationToken: CancellationToken.None);
        }
    }

    private async Task<(IReport Report, ReportContext Context)> PrepareAsync(string key, ReportFilter filter, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var report = all.FirstOrDefault(r => string.Equals(r.Definition.Key, key, StringComparison.Ordinal))
            ?? throw new NotFoundException("There is no such report.");
        var requester = await RequesterAsync(userId, cancellationToken);
        if (!report.Definition.IsFor(requester))
        {
            await audit.RecordAsync(AuditActions.AccessDenied, AuditOutcome.Failure, userId, "Report", detail: $"report={key}", cancellationToken: cancellationToken);
            throw new ReportAccessDeniedException($"{report.Definition.Title} is for {report.Definition.Audience}.");
        }

        var validation = await ValidateAsync(report.Definition, filter, cancellationToken);
        if (!validation.IsValid)
        {
            throw new ValidationException(validation.Errors);
        }

        var clinic = await settings.GetAsync(cancellationToken);
        var context = new ReportContext(filter, requester, clinic, clock.GetUtcNow())
        {
            FilterLines = await FilterLinesAsync(report.Definition.Filters, filter, clinic, cancellationToken),
        };
        return (report, context);
    }

    private async Task<ReportRequester> RequesterAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new
            {
                u.DisplayName,
                u.IsPrescriber,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (_, x) => x.Name!).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ReportAccessDeniedException("Reports are for active users of the clinic.");
        return new ReportRequester(userId, user.DisplayName, user.Roles, user.IsPrescriber);
    }

    private async Task<IReadOnlyList<string>> FilterLinesAsync(ReportFilters offered, ReportFilter filter, ClinicSettings clinic, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        if (offered.HasFlag(ReportFilters.DateRange) && (filter.From is not null || filter.To is not null))
        {
            lines.Add(FormattableString.Invariant($"Period: {filter.From:yyyy-MM-dd} to {filter.To:yyyy-MM-dd}, whole days in {clinic.TimeZoneId}"));
        }

        if (offered.HasFlag(ReportFilters.Clinician) && filter.ClinicianId is { } clinician)
        {
            lines.Add("Clinician: " + await db.Users.AsNoTracking().Where(u => u.Id == clinician).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken));
        }

        if (offered.HasFlag(ReportFilters.Protocol) && filter.ProtocolId is { } protocol)
        {
            lines.Add("Protocol: " + await db.Protocols.AsNoTracking().Where(p => p.Id == protocol).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken));
        }

        if (offered.HasFlag(ReportFilters.PatientStatus) && filter.PatientStatus is { } status)
        {
            lines.Add($"Patient status: {status}");
        }

        if (offered.HasFlag(ReportFilters.Patient) && filter.PatientId is { } patient)
        {
            lines.Add("Patient MRN: " + await db.Patients.AsNoTracking().Where(p => p.Id == patient).Select(p => p.Mrn).SingleOrDefaultAsync(cancellationToken));
        }

        if (offered.HasFlag(ReportFilters.Product) && filter.ProductId is { } product)
        {
            lines.Add("Product: " + await db.DrugProducts.AsNoTracking().Where(p => p.Id == product).Select(p => p.Name + " " + p.Strength).SingleOrDefaultAsync(cancellationToken));
        }

        if (offered.HasFlag(ReportFilters.AuditSearch) && (filter.UserId is not null || !string.IsNullOrEmpty(filter.Action)))
        {
            var user = filter.UserId is { } id
                ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName + " <" + u.Email + ">").SingleOrDefaultAsync(cancellationToken) ?? id.ToString()
                : "any";
            lines.Add($"User: {user}; action: {(string.IsNullOrEmpty(filter.Action) ? "any" : filter.Action + "...")}");
        }

        if (lines.Count == 0)
        {
            lines.Add("No filters: everything");
        }

        return lines;
    }
}
