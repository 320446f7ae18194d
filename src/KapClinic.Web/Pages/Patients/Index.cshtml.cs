using FluentValidation;
using KapClinic.Core.Patients;
using KapClinic.Web.Infrastructure.Auth;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients;

/// <summary>
/// The patient list. Criteria travel in POST bodies (names and birth dates are PHI, never in URLs); sort and
/// paging buttons re-post them. Admins may list archived patients and restore them.
/// </summary>
public sealed class IndexModel(
    PatientRegistry registry,
    PatientClinicians clinicians,
    IValidator<PatientSearch> validator,
    IAuthorizationService authorization,
    ClinicTime clinicTime) : PageModel
{
    [BindProperty]
    public PatientSearch Query { get; set; } = new();

    public PatientSearchResult? Result { get; private set; }

    public IReadOnlyList<ClinicianOption> Clinicians { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public bool HasCriteria =>
        !string.IsNullOrWhiteSpace(Query.Name) || !string.IsNullOrWhiteSpace(Query.Mrn)
        || Query.DateOfBirth is not null || Query.Status is not null || Query.PrimaryClinicianId is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsAdmin = await IsAdminAsync();
        await LoadAsync(cancellationToken);
    }

    /// <summary>
    /// A search, or a column heading pressed (<paramref name="sortBy"/>: sort by it; pressed again, reverse the order),
    /// or a paging button (<paramref name="goToPage"/>). The criteria come back in the form each time.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(PatientSort? sortBy, int? goToPage, CancellationToken cancellationToken)
    {
        IsAdmin = await IsAdminAsync();
        Query.ArchivedOnly &= IsAdmin;
        if (sortBy is { } sort)
        {
            Query.Descending = sort == Query.Sort && !Query.Descending;
            Query.Sort = sort;
            Query.Page = 1;
        }
        else
        {
            Query.Page = goToPage ?? 1; // the Search button starts again at page 1
        }

        // The hidden fields must show the new sort and page, not what was posted.
        ModelState.Remove("Query.Sort");
        ModelState.Remove("Query.Descending");
        ModelState.Remove("Query.Page");
        var validation = await validator.ValidateAsync(Query, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, "Query");
            Clinicians = await clinicians.ListAsync(cancellationToken: cancellationToken);
            return Page();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        await registry.RestoreAsync(id, cancellationToken);
        TempData["Status"] = "The patient was restored and is back in the list and search.";
        return RedirectToPage("Edit", new { id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Clinicians = await clinicians.ListAsync(cancellationToken: cancellationToken);
        var today = DateOnly.FromDateTime((await clinicTime.NowAsync()).DateTime);
        Result = await registry.SearchAsync(Query, today, cancellationToken);
        if (Result.Page != Query.Page)
        {
            ModelState.Remove("Query.Page");
            Query.Page = Result.Page;
        }
    }

    private async Task<bool> IsAdminAsync() => (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
}
