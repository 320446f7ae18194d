using System.Data.Common;
using KapClinic.Core.Courses;
using KapClinic.Core.Data;
using KapClinic.Core.Scheduling;

namespace KapClinic.Core.Reports.Outcomes;

/// <summary>One treatment course in the outcomes report: who (MRN and initials only), which protocol, when it started, and its PHQ-9 and GAD-7 outcomes.</summary>
public sealed record OutcomeRow(
    Guid CourseId,
    string Mrn,
    string Initials,
    string Protocol,
    DateOnly StartDate,
    CourseStatus Status,
    InstrumentOutcome Phq9,
    bool? Phq9Remission,
    InstrumentOutcome Gad7)
{
    internal static OutcomeRow Read(DbDataReader reader) => new(
        reader.Value<Guid>("CourseId"),
        reader.Value<string>("Mrn"),
        PatientInitials.Of(reader.Value<string>("FirstName"), reader.Value<string>("LastName")),
        reader.Value<string>("Protocol"),
        reader.Value<DateOnly>("StartDate"),
        Enum.Parse<CourseStatus>(reader.Value<string>("Status")),
        Outcome(reader, "phq9"),
        reader.Optional<bool>("phq9_remission"),
        Outcome(reader, "gad7"));

    private static InstrumentOutcome Outcome(DbDataReader reader, string prefix) => new(
        reader.Optional<decimal>(prefix + "_baseline"),
        reader.Optional<decimal>(prefix + "_latest"),
        reader.Optional<decimal>(prefix + "_change"),
        reader.Optional<decimal>(prefix + "_percent"),
        reader.Optional<bool>(prefix + "_response"));
}
