namespace KapClinic.Core.Measures;

/// <summary>
/// One shared, ordered severity ladder so a chart can colour any instrument's bands the same way and code
/// can compare levels (<c>Severity.Moderate &lt; Severity.Severe</c>). Members are declared lowest first.
/// </summary>
public enum Severity
{
    None,
    Minimal,
    Mild,
    Moderate,
    ModeratelySevere,
    Severe,
    VerySevere,
}
