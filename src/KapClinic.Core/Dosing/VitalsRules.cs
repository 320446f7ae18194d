using FluentValidation;

namespace KapClinic.Core.Dosing;

/// <summary>The physiological limits as FluentValidation rules, shared by every form that takes vitals.</summary>
public static class VitalsRules
{
    public static void AddVitalsRules<T>(
        this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, int?>> systolic,
        System.Linq.Expressions.Expression<Func<T, int?>> diastolic,
        System.Linq.Expressions.Expression<Func<T, int?>> heartRate,
        System.Linq.Expressions.Expression<Func<T, int?>> spO2,
        System.Linq.Expressions.Expression<Func<T, int?>> respiratoryRate)
    {
        ArgumentNullException.ThrowIfNull(validator);
        Range(validator, systolic, PhysiologicalLimits.Systolic, "Systolic blood pressure", "mmHg");
        Range(validator, diastolic, PhysiologicalLimits.Diastolic, "Diastolic blood pressure", "mmHg");
        Range(validator, heartRate, PhysiologicalLimits.HeartRate, "Heart rate", "/min");
        Range(validator, spO2, PhysiologicalLimits.SpO2, "SpO2", "%");
        Range(validator, respiratoryRate, PhysiologicalLimits.RespiratoryRate, "Respiratory rate", "/min");
        var sys = systolic.Compile();
        var dia = diastolic.Compile();
        validator.RuleFor(diastolic).Must((x, d) => d.HasValue == sys(x).HasValue)
            .WithMessage("Enter both systolic and diastolic blood pressure, or neither.");
        validator.RuleFor(systolic).Must((x, s) => s is null || dia(x) is null || s > dia(x))
            .WithMessage("Systolic blood pressure must be above diastolic.");
    }

    public static void Range<T>(
        AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int?>> field, (int Min, int Max) range, string name, string unit)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(field).InclusiveBetween(range.Min, range.Max).When(x => field.Compile()(x) is not null)
            .WithMessage(PhysiologicalLimits.Message(name, range, unit));
    }
}
