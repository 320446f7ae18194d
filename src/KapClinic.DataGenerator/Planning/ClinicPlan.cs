namespace KapClinic.DataGenerator.Planning;

/// <summary>The skeleton every table is written from: who, which course, which visit when, with whom, in which room.</summary>
internal sealed class ClinicPlan
{
    public required DateTime Origin { get; init; } // midnight UTC of day 0
    public required int HistoryDays { get; init; }
    public required PatientPlan[] Patients { get; init; }
    public required CoursePlan[] Courses { get; init; }
    public required SessionPlan[] Sessions { get; init; } // by start time
    public required int DosingCount { get; init; }
    public required int NoteCount { get; init; }

    public DateTime Day(int day) => Origin.AddDays(day);

    public DateTime Now => Origin.AddDays(HistoryDays);
}
