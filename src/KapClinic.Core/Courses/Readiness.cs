namespace KapClinic.Core.Courses;

/// <summary>Whether a course may go on to dosing, and when not, every reason why (in words for the clinician).</summary>
public sealed record Readiness(bool IsReady, IReadOnlyList<string> Reasons)
{
    public static Readiness From(IReadOnlyList<string> reasons) => new(reasons.Count == 0, reasons);
}
