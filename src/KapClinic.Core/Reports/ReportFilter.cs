using KapClinic.Core.Patients;

namespace KapClinic.Core.Reports;

/// <summary>
/// The filter values a user chose. Ids and dates only (never names or free text besides the audit action), so
/// they may travel in a query string and be written to the audit trail as they are.
/// </summary>
public sealed record ReportFilter
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public Guid? ClinicianId { get; init; }

    public Guid? ProtocolId { get; init; }

    public PatientStatus? PatientStatus { get; init; }

    public Guid? PatientId { get; init; }

    public Guid? ProductId { get; init; }

    /// <summary>Audit log: the acting user.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Audit log: an action name or its beginning (for example "Patient." or "SignIn.Failed").</summary>
    public string? Action { get; init; }

    /// <summary>The filters as "name=value" pairs for the audit detail and the export heading (ids, dates, enums only).</summary>
    public string Describe(ReportFilters offered)
    {
        var parts = new List<string>();
        if (offered.HasFlag(ReportFilters.DateRange))
        {
            parts.Add(FormattableString.Invariant($"from={From:yyyy-MM-dd} to={To:yyyy-MM-dd}"));
        }

        Add(parts, offered, ReportFilters.Clinician, "clinician", ClinicianId?.ToString());
        Add(parts, offered, ReportFilters.Protocol, "protocol", ProtocolId?.ToString());
        Add(parts, offered, ReportFilters.PatientStatus, "status", PatientStatus?.ToString());
        Add(parts, offered, ReportFilters.Patient, "patient", PatientId?.ToString());
        Add(parts, offered, ReportFilters.Product, "product", ProductId?.ToString());
        Add(parts, offered, ReportFilters.AuditSearch, "user", UserId?.ToString());
        Add(parts, offered, ReportFilters.AuditSearch, "action", Action);
        return string.Join(' ', parts);
    }

    private static void Add(List<string> parts, ReportFilters offered, ReportFilters flag, string name, string? value)
    {
        if (offered.HasFlag(flag) && !string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={value}");
        }
    }
}
