using KapClinic.Core.Common;
using KapClinic.Core.Patients;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Patients;

/// <summary>Register a patient: the database assigns the MRN; the patient starts as Referred.</summary>
public sealed class CreateModel(PatientRegistry registry, PatientClinicians clinicians) : PageModel, IPatientForm
{
    [BindProperty]
    public PatientInput Input { get; set; } = new();

    public IReadOnlyList<ClinicianOption> Clinicians { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Clinicians = await clinicians.ListAsync(cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await registry.ValidateAsync(Input, cancellationToken);
        if (!PatientFormErrors.Apply(ModelState, validation))
        {
            return await RedisplayAsync(cancellationToken);
        }

        Guid id;
        try
        {
            id = await registry.CreateAsync(Input, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return await RedisplayAsync(cancellationToken);
        }

        TempData["Status"] = "The patient is registered, with status Referred.";
        return Redirect($"/Patients/{id}");
    }

    private async Task<PageResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        Clinicians = await clinicians.ListAsync(Input.PrimaryClinicianId, cancellationToken);
        return Page();
    }
}
