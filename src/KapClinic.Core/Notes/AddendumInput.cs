using FluentValidation;

namespace KapClinic.Core.Notes;

public sealed class AddendumInput
{
    public string? Text { get; set; }
}

public sealed class AddendumInputValidator : AbstractValidator<AddendumInput>
{
    public AddendumInputValidator()
    {
        RuleFor(x => x.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write the addendum.")
            .Must(t => t!.Trim().Length <= NoteLimits.TextMaxLength).When(x => !string.IsNullOrWhiteSpace(x.Text))
            .WithMessage(x => NoteLimits.TooLong("The addendum", x.Text!.Trim().Length));
    }
}
