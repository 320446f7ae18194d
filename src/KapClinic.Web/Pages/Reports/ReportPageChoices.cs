using KapClinic.Core.Patients;
using KapClinic.Core.Reports;

namespace KapClinic.Web.Pages.Reports;

/// <summary>The options of the selects a report offers (loaded only for those), and the chosen patient's MRN.</summary>
public sealed record ReportPageChoices(
    IReadOnlyList<ReportChoice> Clinicians,
    IReadOnlyList<ReportChoice> Protocols,
    IReadOnlyList<ReportChoice> Products,
    IReadOnlyList<ReportChoice> Users,
    string? PatientMrn)
{
    public static ReportPageChoices None { get; } = new([], [], [], [], null);

    public static IReadOnlyList<PatientStatus> Statuses { get; } = Enum.GetValues<PatientStatus>();

    public static async Task<ReportPageChoices> LoadAsync(ReportChoices choices, ReportFilters offered, Guid? patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return new(
            offered.HasFlag(ReportFilters.Clinician) ? await choices.CliniciansAsync(cancellationToken) : [],
            offered.HasFlag(ReportFilters.Protocol) ? await choices.ProtocolsAsync(cancellationToken) : [],
            offered.HasFlag(ReportFilters.Product) ? await choices.ProductsAsync(cancellationToken) : [],
            offered.HasFlag(ReportFilters.AuditSearch) ? await choices.UsersAsync(cancellationToken) : [],
            offered.HasFlag(ReportFilters.Patient) ? await choices.MrnAsync(patient, cancellationToken) : null);
    }
}
