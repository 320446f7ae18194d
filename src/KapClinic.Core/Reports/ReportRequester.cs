using KapClinic.Core.Users;

namespace KapClinic.Core.Reports;

/// <summary>
/// Who runs a report, as the database knows them (loaded by <see cref="ReportService"/>, never taken from the
/// request): reports check the roles, and leave out note text and free-text clinical fields for Staff.
/// </summary>
public sealed record ReportRequester(Guid UserId, string Name, IReadOnlyList<string> RoleNames, bool IsPrescriber)
{
    public bool HasRole(string role) => RoleNames.Contains(role, StringComparer.Ordinal);

    /// <summary>Only Clinicians and Admins see free-text clinical fields (adverse event descriptions, override reasons).</summary>
    public bool MaySeeClinicalText => HasRole(ClinicRoles.Clinician) || HasRole(ClinicRoles.Admin);
}
