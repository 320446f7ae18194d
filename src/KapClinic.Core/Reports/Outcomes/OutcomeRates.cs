using System.Data.Common;
using KapClinic.Core.Data;

namespace KapClinic.Core.Reports.Outcomes;

/// <summary>
/// Counts and rates over a group of courses (all of them, one protocol, one month): how many have a follow-up, how
/// many responded or remitted, and the rates among those followed up (percent, one decimal; null when none was).
/// </summary>
public sealed record OutcomeRates(
    string Category,
    long Courses,
    long Phq9FollowedUp,
    long Phq9Responders,
    long Phq9Remitters,
    long Gad7FollowedUp,
    long Gad7Responders,
    decimal? Phq9ResponseRate,
    decimal? Phq9RemissionRate,
    decimal? Gad7ResponseRate)
{
    internal static OutcomeRates Read(DbDataReader reader) => new(
        reader.Value<string>("Category"),
        reader.Value<long>("Courses"),
        reader.Value<long>("Phq9FollowedUp"),
        reader.Value<long>("Phq9Responders"),
        reader.Value<long>("Phq9Remitters"),
        reader.Value<long>("Gad7FollowedUp"),
        reader.Value<long>("Gad7Responders"),
        reader.Optional<decimal>("Phq9ResponseRate"),
        reader.Optional<decimal>("Phq9RemissionRate"),
        reader.Optional<decimal>("Gad7ResponseRate"));
}
