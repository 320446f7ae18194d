using FluentValidation;
using Microsoft.Extensions.Options;

namespace KapClinic.Core.Reports;

/// <summary>
/// Checks a filter against the report it is for (passed as the root context data "report"): a heavy report needs a
/// date range of at most <see cref="ReportOptions.MaxRangeYears"/> years, the last day not before the first; a report
/// or product filter that is offered and not <see cref="ReportDefinition.Optional"/> gets one. Property names are the query-string names, so messages sit beside the fields.
/// </summary>
public sealed class ReportFilterValidator : AbstractValidator<ReportFilter>
{
    public const string DefinitionKey = "report";

    public ReportFilterValidator(IOptions<ReportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxYears = options.Value.MaxRangeYears;
        RuleFor(x => x.From).NotNull().When((_, c) => Offers(c, ReportFilters.DateRange, heavyOnly: true))
            .WithName("from").WithMessage("Enter the first day (yyyy-mm-dd).");
        RuleFor(x => x.To).NotNull().When((_, c) => Offers(c, ReportFilters.DateRange, heavyOnly: true))
            .WithName("to").WithMessage("Enter the last day (yyyy-mm-dd).");
        RuleFor(x => x.From).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).WithName("from").WithMessage("The first day must be in 2000 or later.");
        RuleFor(x => x.To).LessThanOrEqualTo(new DateOnly(2100, 12, 31)).WithName("to").WithMessage("The last day must be before 2101.");
        RuleFor(x => x.To)
            .Must((f, to) => f.From is null || to is null || to >= f.From).WithName("to").WithMessage("The last day must be on or after the first day.")
            .Must((f, to) => f.From is null || to is null || to <= f.From.Value.AddYears(maxYears)).WithName("to")
            .WithMessage($"Choose at most {maxYears} years at a time.");
        RuleFor(x => x.PatientId).NotNull().When((_, c) => Requires(c, ReportFilters.Patient))
            .WithName("patient").WithMessage("Choose a patient.");
        RuleFor(x => x.ProductId).NotNull().When((_, c) => Requires(c, ReportFilters.Product))
            .WithName("product").WithMessage("Choose a product.");
        RuleFor(x => x.PatientStatus).IsInEnum().WithName("status").WithMessage("Choose a patient status from the list.");
        RuleFor(x => x.Action).MaximumLength(64).WithName("action").WithMessage("An action is at most 64 characters.")
            .Matches("^[A-Za-z.]*$").WithName("action").WithMessage("An action has only letters and dots (for example Patient.ChartViewed).");
    }

    private static bool Requires(IValidationContext context, ReportFilters filter) =>
        Offers(context, filter, heavyOnly: false) && context.RootContextData[DefinitionKey] is ReportDefinition { } definition && !definition.Optional.HasFlag(filter);

    private static bool Offers(IValidationContext context, ReportFilters filter, bool heavyOnly) =>
        context.RootContextData.TryGetValue(DefinitionKey, out var value) && value is ReportDefinition definition
            && definition.Filters.HasFlag(filter) && (!heavyOnly || definition.IsHeavy);
}
