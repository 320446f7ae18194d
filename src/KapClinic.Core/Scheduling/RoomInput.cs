using FluentValidation;

namespace KapClinic.Core.Scheduling;

public sealed class RoomInput
{
    public string? Name { get; set; }

    public RoomKind? Kind { get; set; }

    public uint Version { get; set; }
}

public sealed class RoomInputValidator : AbstractValidator<RoomInput>
{
    public RoomInputValidator()
    {
        RuleFor(x => x.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the room's name, e.g. \"Dosing room 1\".")
            .MaximumLength(Room.NameMaxLength).WithMessage($"The name can be at most {Room.NameMaxLength} characters.");
        RuleFor(x => x.Kind).NotNull().WithMessage("Choose what kind of room it is.")
            .IsInEnum().WithMessage("Choose the kind of room from the list.");
    }
}
