using KapClinic.Core.Exports;

namespace KapClinic.Core.Reports;

/// <summary>
/// What the catalogue says about a report: its key (in URLs and the audit trail), title, purpose, who may run it
/// (role names from <see cref="Users.ClinicRoles"/>), the filters it offers, the formats it exports to, and whether
/// it is heavy (then its date range is required and bounded by <see cref="ReportOptions.MaxRangeYears"/>).
/// </summary>
public sealed record ReportDefinition(
    string Key,
    string Title,
    string Purpose,
    IReadOnlyList<string> Roles,
    ReportFilters Filters,
    IReadOnlyList<ExportFormat> Formats,
    bool IsHeavy = true)
{
    /// <summary>"Admins, Clinicians and Staff": who may run it, for the catalogue.</summary>
    public string Audience => Roles.Count switch
    {
        1 => Plural(Roles[0]),
        _ => string.Join(", ", Roles.Take(Roles.Count - 1).Select(Plural)) + " and " + Plural(Roles[^1]),
    };

    /// <summary>
    /// Offered filters the user may leave empty ("any"). A patient or product filter is otherwise required when offered
    /// (the course summary needs its patient, the dispensing log its product); the audit log's patient is optional.
    /// </summary>
    public ReportFilters Optional { get; init; }

    public bool IsFor(ReportRequester requester) => requester is not null && Roles.Any(requester.HasRole);

    private static string Plural(string role) => role == Users.ClinicRoles.Staff ? role : role + "s";
}
