using FluentValidation;

namespace KapClinic.Core.Integration;

/// <summary>A new theme for the clinic's list.</summary>
public sealed class ThemeInput
{
    public string? Name { get; set; }
}

public sealed class ThemeInputValidator : AbstractValidator<ThemeInput>
{
    public ThemeInputValidator()
    {
        RuleFor(x => x.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the theme's name.")
            .Must(n => n!.Trim().Length <= IntegrationTheme.NameMaxLength).When(x => !string.IsNullOrWhiteSpace(x.Name))
            .WithMessage($"A theme's name can be at most {IntegrationTheme.NameMaxLength} characters.");
    }
}
