using KapClinic.Core.Courses;

namespace KapClinic.Core.Integration;

/// <summary>A dosing session of the course with a dose, that an integration note can follow: when, which drug, how much.</summary>
public sealed record FollowableDosingSession(Guid Id, DateTimeOffset StartedAt, DateTimeOffset FirstDoseAt, DrugKind Drug, decimal TotalDoseMg)
{
    public string DoseText => $"{DrugText(Drug)} {TotalDoseMg.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} mg";

    /// <summary>The latest of <paramref name="sessions"/> dosed at or before <paramref name="at"/>, to suggest for a new note.</summary>
    public static FollowableDosingSession? LatestBefore(IEnumerable<FollowableDosingSession> sessions, DateTimeOffset at) =>
        sessions.Where(s => s.FirstDoseAt <= at).MaxBy(s => s.FirstDoseAt);

    private static string DrugText(DrugKind drug) => drug switch
    {
        DrugKind.Esketamine => "Esketamine",
        _ => "Ketamine",
    };
}
