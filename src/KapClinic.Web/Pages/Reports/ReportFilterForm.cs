using System.Globalization;
using KapClinic.Core.Patients;
using KapClinic.Core.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Reports;

/// <summary>
/// The report page's filters as query-string values (ids, dates and enum names only: no PHI in the URL), turned into
/// a <see cref="ReportFilter"/>; the names are the ones <see cref="ReportFilterValidator"/> uses for its messages.
/// </summary>
public abstract class ReportFilterForm : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "clinician")]
    public Guid? Clinician { get; set; }

    [BindProperty(SupportsGet = true, Name = "protocol")]
    public Guid? Protocol { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "patient")]
    public Guid? Patient { get; set; }

    [BindProperty(SupportsGet = true, Name = "product")]
    public Guid? Product { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid? AuditUser { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    /// <summary>The filters as a route-value object for links (export buttons, redirects).</summary>
    public Dictionary<string, string?> RouteValues(ReportFilters offered)
    {
        var values = new Dictionary<string, string?>();
        void Add(ReportFilters flag, string name, string? value)
        {
            if (offered.HasFlag(flag) && !string.IsNullOrEmpty(value))
            {
                values[name] = value;
            }
        }

        Add(ReportFilters.DateRange, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(ReportFilters.DateRange, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(ReportFilters.Clinician, "clinician", Clinician?.ToString());
        Add(ReportFilters.Protocol, "protocol", Protocol?.ToString());
        Add(ReportFilters.PatientStatus, "status", Status);
        Add(ReportFilters.Patient, "patient", Patient?.ToString());
        Add(ReportFilters.Product, "product", Product?.ToString());
        Add(ReportFilters.AuditSearch, "user", AuditUser?.ToString());
        Add(ReportFilters.AuditSearch, "action", Action?.Trim());
        return values;
    }

    /// <summary>The filter, or null when a value did not even bind (its message is then in ModelState).</summary>
    protected ReportFilter? Filter(ReportFilters offered)
    {
        foreach (var key in ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, key is "from" or "to" ? "Enter a day as yyyy-mm-dd." : "Choose a value from the list.");
        }

        PatientStatus? status = null;
        if (offered.HasFlag(ReportFilters.PatientStatus) && !string.IsNullOrEmpty(Status))
        {
            if (!Enum.TryParse<PatientStatus>(Status, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(Status, out _))
            {
                ModelState.AddModelError("status", "Choose a patient status from the list.");
            }
            else
            {
                status = parsed;
            }
        }

        return ModelState.IsValid
            ? new ReportFilter
            {
                From = From, To = To, ClinicianId = Clinician, ProtocolId = Protocol, PatientStatus = status, PatientId = Patient,
                ProductId = Product, UserId = AuditUser, Action = string.IsNullOrWhiteSpace(Action) ? null : Action.Trim(),
            }
            : null;
    }

    /// <summary>The messages for a filter field (model binding and validation name it in different cases).</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        [.. ModelState.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).Distinct()];
}
