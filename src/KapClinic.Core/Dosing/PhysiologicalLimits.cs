namespace KapClinic.Core.Dosing;

/// <summary>
/// The values a measurement can physically take (CLINICAL.md): anything outside is a typing error and is refused
/// with the allowed range. These are not clinic settings.
/// </summary>
public static class PhysiologicalLimits
{
    public static readonly (int Min, int Max) Systolic = (50, 260);
    public static readonly (int Min, int Max) Diastolic = (30, 160);
    public static readonly (int Min, int Max) HeartRate = (20, 250);
    public static readonly (int Min, int Max) SpO2 = (50, 100);
    public static readonly (int Min, int Max) RespiratoryRate = (4, 60);
    public static readonly (decimal Min, decimal Max) WeightKg = (30m, 300m);
    public static readonly (int Min, int Max) Moaas = (0, 5);
    public static readonly (int Min, int Max) Cadss6 = (0, 24);

    /// <summary>"Systolic must be 50-260 mmHg."</summary>
    public static string Message(string field, (int Min, int Max) range, string unit) =>
        $"{field} must be {range.Min}-{range.Max}{(unit.Length == 0 ? string.Empty : " " + unit)}.";

    /// <summary>The first value outside its range, as a message naming it; null when all are inside.</summary>
    public static string? Check(VitalSigns vitals)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        return Outside(vitals.Systolic, Systolic) ? Message("Systolic blood pressure", Systolic, "mmHg")
            : Outside(vitals.Diastolic, Diastolic) ? Message("Diastolic blood pressure", Diastolic, "mmHg")
            : Outside(vitals.HeartRate, HeartRate) ? Message("Heart rate", HeartRate, "/min")
            : Outside(vitals.SpO2, SpO2) ? Message("SpO2", SpO2, "%")
            : Outside(vitals.RespiratoryRate, RespiratoryRate) ? Message("Respiratory rate", RespiratoryRate, "/min")
            : vitals.Systolic.HasValue != vitals.Diastolic.HasValue ? "Enter both systolic and diastolic blood pressure, or neither."
            : vitals.Systolic <= vitals.Diastolic ? "Systolic blood pressure must be above diastolic."
            : null;
    }

    private static bool Outside(int? value, (int Min, int Max) range) => value is { } v && (v < range.Min || v > range.Max);
}
