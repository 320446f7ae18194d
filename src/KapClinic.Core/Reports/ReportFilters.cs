namespace KapClinic.Core.Reports;

/// <summary>Which filters a report offers; the catalogue page shows only these, and the others are ignored.</summary>
[Flags]
public enum ReportFilters
{
    None = 0,

    /// <summary>First and last day, whole days in the clinic's time zone.</summary>
    DateRange = 1,
    Clinician = 2,
    Protocol = 4,
    PatientStatus = 8,

    /// <summary>One patient (required by the reports that offer it, such as the course summary).</summary>
    Patient = 16,

    /// <summary>One drug product (controlled-substance logs).</summary>
    Product = 32,

    /// <summary>The audit log's own filters: the acting user and the action.</summary>
    AuditSearch = 64,
}
