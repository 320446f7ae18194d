using FluentValidation.Results;

namespace KapClinic.Core.Tests.Dosing;

internal static class ValidationAssert
{
    /// <summary>The result holds exactly this message for this field (among others, perhaps).</summary>
    public static void HasError(ValidationResult result, string property, string message) =>
        Assert.True(
            result.Errors.Any(e => e.PropertyName == property && e.ErrorMessage == message),
            $"Expected {property}: \"{message}\"; got: {string.Join(" | ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");

    /// <summary>The only error is this message for this field.</summary>
    public static void OnlyError(ValidationResult result, string property, string message)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal((property, message), (error.PropertyName, error.ErrorMessage));
    }
}
