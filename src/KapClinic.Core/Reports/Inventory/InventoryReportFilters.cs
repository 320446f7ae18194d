using KapClinic.Core.Common;
using KapClinic.Core.Inventory.Records;
using KapClinic.Core.Users;

namespace KapClinic.Core.Reports.Inventory;

/// <summary>What the catalogue's controlled-substance reports share: who runs them (as the inventory's read policy) and the period.</summary>
internal static class InventoryReportFilters
{
    /// <summary>Admins and every clinician, as the /Inventory pages; Staff have no access to controlled-substance records.</summary>
    public static IReadOnlyList<string> Roles { get; } = [ClinicRoles.Admin, ClinicRoles.Clinician];

    /// <summary>The chosen days as the records take them (the filter is validated: a heavy report has both days).</summary>
    public static RecordsPeriod Period(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Filter is { From: { } from, To: { } to }
            ? new RecordsPeriod(from, to)
            : throw new RuleViolationException("from", "Enter the first and the last day.");
    }

    public static Guid Product(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Filter.ProductId ?? throw new RuleViolationException("product", "Choose a product.");
    }
}
