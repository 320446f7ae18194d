using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Users;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Users;

public sealed class CreateModel(UserAdministration users, IValidator<NewUserInput> validator) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

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
            await users.CreateAsync(Input, cancellationToken);
        }
        catch (RuleViolationException ex)
        {
            ModelState.AddError(ex);
            return Page();
        }

        TempData["Status"] = $"{Input.DisplayName} can now sign in with {Input.Email}.";
        return RedirectToPage("Index");
    }
}
