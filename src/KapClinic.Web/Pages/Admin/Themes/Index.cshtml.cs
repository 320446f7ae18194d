using FluentValidation;
using KapClinic.Core.Common;
using KapClinic.Core.Integration;
using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KapClinic.Web.Pages.Admin.Themes;

/// <summary>The clinic's list of integration themes: add one, retire it, restore it.</summary>
public sealed class IndexModel(IntegrationThemeService themes, IValidator<ThemeInput> validator) : PageModel
{
    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    public IReadOnlyList<ThemeListItem> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Themes = await themes.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid)
        {
            try
            {
                await themes.AddAsync(Input, cancellationToken);
                TempData["Status"] = $"Theme “{Input.Name!.Trim()}” added.";
                return RedirectToPage();
            }
            catch (RuleViolationException ex)
            {
                ModelState.AddError(ex);
            }
        }
        else
        {
            ModelState.AddErrors(validation);
        }

        Themes = await themes.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid themeId, CancellationToken cancellationToken)
    {
        await themes.RetireAsync(themeId, cancellationToken);
        TempData["Status"] = "Theme retired: it is no longer offered on new notes.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid themeId, CancellationToken cancellationToken)
    {
        await themes.RestoreAsync(themeId, cancellationToken);
        TempData["Status"] = "Theme restored.";
        return RedirectToPage();
    }
}
