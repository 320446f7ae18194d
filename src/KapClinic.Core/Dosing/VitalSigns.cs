using System.Globalization;

namespace KapClinic.Core.Dosing;

/// <summary>One set of vital signs; any may be missing (a reading may be only a blood pressure).</summary>
public sealed record VitalSigns(int? Systolic, int? Diastolic, int? HeartRate, int? SpO2, int? RespiratoryRate)
{
    public bool HasBloodPressure => Systolic is not null && Diastolic is not null;

    public bool IsEmpty => Systolic is null && Diastolic is null && HeartRate is null && SpO2 is null && RespiratoryRate is null;

    /// <summary>"128/84" or null.</summary>
    public string? BloodPressureText => HasBloodPressure ? string.Create(CultureInfo.InvariantCulture, $"{Systolic}/{Diastolic}") : null;
}
