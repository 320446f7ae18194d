namespace KapClinic.Core.Courses;

/// <summary>A protocol's dose range is either absolute (mg) or by body weight (mg/kg, from the weight of the day).</summary>
public enum DoseUnit
{
    Mg,
    MgPerKg,
}
