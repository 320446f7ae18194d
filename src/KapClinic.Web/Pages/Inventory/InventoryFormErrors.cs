using FluentValidation.Results;
using KapClinic.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KapClinic.Web.Pages.Inventory;

/// <summary>
/// Puts an inventory form's errors beside their fields: a number or date that could not even be read gets a plain
/// message instead of the framework's; otherwise the validator's messages, which say what is allowed.
/// </summary>
public static class InventoryFormErrors
{
    private static readonly Dictionary<string, string> Unreadable = new(StringComparer.Ordinal)
    {
        ["Quantity"] = "Enter the quantity as a number, like 2.5.",
        ["CountedUnits"] = "Enter what is on the shelf as a number, like 9.5.",
        ["ExpiresOn"] = "Enter the expiry as a date, like 2027-03-31.",
        ["ReceivedOn"] = "Enter the date received as a date, like 2026-11-02.",
        ["MgPerUnit"] = "Enter the mg per unit as a number, like 50.",
        ["UnitsPerContainer"] = "Enter the units per container as a number, like 10.",
        ["ReorderLevelUnits"] = "Enter the reorder level as a number, like 20.",
        ["WitnessId"] = "Choose the witness from the list.",
        ["Drug"] = "Choose the drug from the list.",
        ["Form"] = "Choose the form from the list.",
    };

    /// <summary>Fields a rule may name that have no input of their own: their message goes to the top of the form.</summary>
    private static readonly HashSet<string> WithoutInput = new(StringComparer.Ordinal) { "LotId" };

    /// <returns>True when the input was readable and valid.</returns>
    public static bool Apply(ModelStateDictionary modelState, ValidationResult validation, string prefix = "Input")
    {
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, entry) in modelState.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear();
            var field = key[(prefix.Length + 1)..];
            unreadable.Add(field);
            modelState.AddModelError(key, Unreadable.GetValueOrDefault(field, "This value could not be read."));
        }

        foreach (var error in validation.Errors.Where(e => !unreadable.Contains(e.PropertyName)))
        {
            modelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }

        return unreadable.Count == 0 && validation.IsValid;
    }

    /// <summary>A refusal from Core or the database: beside its field, or at the top of the form.</summary>
    public static void Add(ModelStateDictionary modelState, RuleViolationException violation, string prefix = "Input") =>
        modelState.AddModelError(
            violation.Field is null || WithoutInput.Contains(violation.Field) ? string.Empty : $"{prefix}.{violation.Field}", violation.Message);
}
