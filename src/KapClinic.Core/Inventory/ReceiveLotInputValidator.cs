using FluentValidation;

namespace KapClinic.Core.Inventory;

public sealed class ReceiveLotInputValidator : AbstractValidator<ReceiveLotInput>
{
    public ReceiveLotInputValidator()
    {
        RuleFor(x => x.LotNumber).NotEmpty().WithMessage("Enter the lot number.")
            .MaximumLength(Lot.LotNumberMaxLength).WithMessage($"At most {Lot.LotNumberMaxLength} characters.");
        RuleFor(x => x.ExpiresOn).NotNull().WithMessage("Enter the expiry date.");
        RuleFor(x => x.ExpiresOn).GreaterThan(x => x.ReceivedOn).When(x => x.ExpiresOn is not null && x.ReceivedOn is not null)
            .WithMessage("The lot must expire after it was received.");
        RuleFor(x => x.SupplierName).NotEmpty().WithMessage("Enter the supplier's name.")
            .MaximumLength(Lot.SupplierNameMaxLength).WithMessage($"At most {Lot.SupplierNameMaxLength} characters.");
        RuleFor(x => x.SupplierAddress).NotEmpty().WithMessage("Enter the supplier's address.")
            .MaximumLength(Lot.SupplierAddressMaxLength).WithMessage($"At most {Lot.SupplierAddressMaxLength} characters.");
        RuleFor(x => x.SupplierDeaNumber).NotEmpty().WithMessage("Enter the supplier's DEA registration number.")
            .Must(DeaNumber.IsValid).WithMessage("Enter a valid DEA number: 2 letters and 7 digits whose check digit matches.");
        RuleFor(x => x.InvoiceNumber).NotEmpty().WithMessage("Enter the invoice number.")
            .MaximumLength(Lot.InvoiceMaxLength).WithMessage($"At most {Lot.InvoiceMaxLength} characters.");
        RuleFor(x => x.ReceivedOn).NotNull().WithMessage("Enter the date received.");
        RuleFor(x => x.Quantity).NotNull().WithMessage("Enter the quantity received.")
            .GreaterThan(0).WithMessage("The quantity must be more than 0.")
            .LessThanOrEqualTo(100_000).WithMessage("The quantity must be at most 100,000 units.")
            .Must(q => q is null || decimal.Round(q.Value, 2) == q).WithMessage("Enter the quantity to at most 2 decimals.");
    }
}
