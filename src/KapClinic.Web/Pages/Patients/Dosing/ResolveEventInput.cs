using FluentValidation;

namespace KapClinic.Web.Pages.Patients.Dosing;

/// <summary>"Mark resolved" on one open adverse event: when (clinic time), and the version the page showed.</summary>
public sealed class ResolveEventInput
{
    public Guid? EventId { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public uint Version { get; set; }
}

public sealed class ResolveEventInputValidator : AbstractValidator<ResolveEventInput>
{
    public ResolveEventInputValidator()
    {
        RuleFor(x => x.EventId).NotNull().WithMessage("Choose the event to mark resolved.");
        RuleFor(x => x.ResolvedAt).NotNull().WithMessage("Enter when the event resolved.");
    }
}
