using FluentValidation.Results;
using KapClinic.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KapClinic.Web.Infrastructure.Web;

public static class ModelStateExtensions
{
    /// <summary>Puts FluentValidation's messages beside their fields (asp-validation-for="Input.X").</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(Key(prefix, error.PropertyName), error.ErrorMessage);
        }
    }

    /// <summary>A rule refused the action: beside its field when it names one, at the top of the form otherwise.</summary>
    public static void AddError(this ModelStateDictionary modelState, RuleViolationException violation, string prefix = "Input") =>
        modelState.AddModelError(violation.Field is null ? string.Empty : Key(prefix, violation.Field), violation.Message);

    private static string Key(string prefix, string property) =>
        string.IsNullOrEmpty(prefix) ? property : $"{prefix}.{property}";
}
