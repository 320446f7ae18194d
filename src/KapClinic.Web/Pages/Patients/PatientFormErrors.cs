using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KapClinic.Web.Pages.Patients;

/// <summary>
/// Puts the registry form's errors beside their fields: values that could not even be read (a date or number
/// that is not one) get a plain message instead of the framework's; the framework's implicit "required" checks
/// give way to the validator's messages, which say what is allowed.
/// </summary>
public static class PatientFormErrors
{
    private static readonly Dictionary<string, string> Unreadable = new(StringComparer.Ordinal)
    {
        ["Input.DateOfBirth"] = "Enter the date of birth as a date, like 1985-04-23.",
        ["Input.SexAtBirth"] = "Choose the sex assigned at birth from the list.",
        ["Input.PrimaryClinicianId"] = "Choose a clinician from the list.",
        ["Input.HeightCm"] = "Enter the height as a number of centimetres, like 172.5.",
    };

    /// <returns>True when the input is valid and readable.</returns>
    public static bool Apply(ModelStateDictionary modelState, ValidationResult validation)
    {
        var unreadable = new List<string>();
        var failed = modelState
            .Where(e => e.Key.StartsWith("Input.", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, Entry: e.Value!))
            .ToList();
        foreach (var (key, entry) in failed)
        {
            // The framework's own checks (e.g. "required" for non-nullable strings) repeat the rules below: drop them.
            entry.Errors.Clear();
            if (Unreadable.TryGetValue(key, out var message))
            {
                unreadable.Add(key);
                modelState.AddModelError(key, message);
            }
        }

        foreach (var error in validation.Errors)
        {
            var key = "Input." + error.PropertyName;
            if (!unreadable.Contains(key))
            {
                modelState.AddModelError(key, error.ErrorMessage);
            }
        }

        return unreadable.Count == 0 && validation.IsValid;
    }
}
