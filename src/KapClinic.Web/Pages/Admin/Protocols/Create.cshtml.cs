using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Courses;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Protocols;

public sealed class CreateModel(ProtocolService protocols, IValidator<ProtocolInput> validator) : PageModel
{
    [BindProperty]
    public ProtocolInput Input { get; set; } = new()
    {
        PlannedPreparationSessions = 1,
        PlannedDosingSessions = 6,
        PlannedIntegrationSessions = 6,
        MinimumMonitoringMinutes = 60,
        VitalsIntervalMinutes = 15,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            return Page();
        }

        try
        {
            await protocols.CreateAsync(Input, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }

        TempData["Status"] = $"Added the protocol \"{Input.Name.Trim()}\". New courses can follow it now.";
        return RedirectToPage("Index");
    }
}
