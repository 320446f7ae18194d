namespace KapClinic.Core.Dosing.Rems;

/// <summary>A blood pressure the form reports, when it was taken, and how long after the first device (null before dosing).</summary>
public sealed record RemsBloodPressure(int Systolic, int Diastolic, DateTimeOffset TakenAt, int? MinutesAfterFirstDevice)
{
    public string Text => $"{Systolic}/{Diastolic}";
}
