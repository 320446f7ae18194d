using KapClinic.Core.Courses;
using KapClinic.Core.Patients;

namespace KapClinic.DataGenerator.Planning;

/// <summary>
/// Plans the clinic: patients, one course each for most (following its protocol: preparation weekly, then doses twice a
/// week, each followed by integration a day or two later), and every visit placed in a clinician's working day (11 hours
/// from 12:00 UTC, Monday to Saturday) that still has room. A clinician sees one patient at a time in their own room, and a
/// patient has at most one visit a day, so no room, clinician or patient is ever double-booked.
/// </summary>
internal sealed partial class Planner(ScaleProfile profile, Random random, DateOnly today)
{
    public const int DayStartHour = 12;
    public const int DayHours = 11;
    public const int FutureDays = 28;
    public const int DosingHours = 3;

    private readonly List<SessionPlan> sessions = new(profile.ExpectedAppointments + (profile.ExpectedAppointments / 10));
    private byte[,] used = new byte[1, 1];
    private DateTime origin;

    public ClinicPlan Plan()
    {
        var courses = PlanCourses(out var patientCount, out var hours);
        var workdays = hours / (profile.Clinicians * DayHours * 0.7);
        var historyDays = (int)Math.Ceiling(workdays * 7 / 6) + 100;
        origin = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-historyDays);
        used = new byte[profile.Clinicians, historyDays + FutureDays + 120];
        var patients = PlanPatients(patientCount, historyDays, courses);
        var placed = new List<CoursePlan>(courses.Count);
        foreach (var draft in courses)
        {
            var course = Place(draft, patients, historyDays, placed.Count);
            patients[course.Patient].Course = placed.Count;
            placed.Add(course);
        }

        sessions.Sort((a, b) => a.Start.CompareTo(b.Start));
        var array = sessions.ToArray();
        return Finish(array, patients, placed.ToArray(), historyDays);
    }

    private ClinicPlan Finish(SessionPlan[] array, PatientPlan[] patients, CoursePlan[] courses, int historyDays)
    {
        var dosing = array.Count(s => s is { Kind: SessionKind.Dosing, Status: VisitStatus.Completed });
        var thirty = Math.Max(1, dosing / 40);
        var average = Math.Max(4.0, (profile.VitalsReadings - (thirty * 30.0)) / Math.Max(1, dosing - thirty));
        var n = 0;
        var notes = 0;
        for (var i = 0; i < array.Length; i++)
        {
            ref var s = ref array[i];
            s.AppointmentId = Ids.At(s.Start.AddDays(-14), random);
            s.Id = Ids.At(s.Start, random);
            if (s.Status != VisitStatus.Completed)
            {
                continue;
            }

            notes += s.Kind == SessionKind.Dosing ? 0 : 1;
            if (s.Kind == SessionKind.Dosing)
            {
                s.Readings = (byte)(n++ % 40 == 7 ? 30 : Math.Clamp((int)Math.Round(average + random.Next(-3, 4)), 4, 29));
            }
        }

        return new ClinicPlan
        {
            Origin = origin, HistoryDays = historyDays, Patients = patients, Courses = courses, Sessions = array, DosingCount = dosing, NoteCount = notes,
        };
    }

    private List<CourseDraft> PlanCourses(out int patientCount, out double hours)
    {
        var drafts = new List<CourseDraft>();
        long dosing = 0;
        long notes = 0;
        hours = 0;
        patientCount = profile.Patients;
        for (var p = 0; p < profile.Patients && dosing < profile.DosingSessions; p++)
        {
            if (random.NextDouble() >= 0.85)
            {
                continue;
            }

            var protocol = Pick(random.NextDouble(), 0.35, 0.55, 0.85);
            var definition = DefaultProtocols.All[protocol].Definition;
            var status = (CourseStatus)Pick(random.NextDouble(), 0.08, 0.28, 0.88); // Planned, Active, Completed, Stopped
            var doses = status switch
            {
                CourseStatus.Completed => definition.PlannedDosingSessions,
                CourseStatus.Active => random.Next(1, definition.PlannedDosingSessions),
                CourseStatus.Stopped => random.Next(1, 4),
                _ => 0,
            };
            var draft = new CourseDraft(p, protocol, status, doses);
            drafts.Add(draft);
            dosing += doses;
            notes += draft.Preparations(definition) + draft.Integrations(definition);
            hours += (doses * DosingHours) + draft.Preparations(definition) + draft.Integrations(definition);
        }

        var completed = drafts.Where(d => d.Status == CourseStatus.Completed).ToList();
        var extra = Math.Max(0, profile.Notes - notes);
        for (var i = 0; i < completed.Count && extra > 0; i++)
        {
            var share = (int)Math.Min(extra, Math.Ceiling(extra / (double)(completed.Count - i)));
            completed[i].Extra = share;
            extra -= share;
            hours += share;
        }

        return drafts;
    }

    private static int Pick(double x, double a, double b, double c) => x < a ? 0 : x < b ? 1 : x < c ? 2 : 3;

    private PatientPlan[] PlanPatients(int count, int historyDays, List<CourseDraft> drafts)
    {
        var patients = new PatientPlan[count];
        var firstStart = drafts.ToDictionary(d => d.Patient, d => d.Status == CourseStatus.Completed ? 0 : historyDays / 2);
        for (var i = 0; i < count; i++)
        {
            var created = origin.AddDays(firstStart.TryGetValue(i, out var day) ? random.Next(0, Math.Max(1, day + 1)) : random.Next(0, historyDays))
                .AddMinutes(random.Next(12 * 60, 23 * 60));
            patients[i] = new PatientPlan
            {
                Id = Ids.At(created, random),
                Mrn = i + 1,
                CreatedAt = created,
                Clinician = random.Next(profile.Clinicians),
                Status = (PatientStatus)Pick(random.NextDouble(), 0.3, 0.6, 0.85), // Referred, Screening, Eligible, Ineligible
                WeightKg = Math.Round(55 + (random.NextDouble() * 55), 1),
                BaselineSystolic = random.Next(108, 138),
                BaselineDiastolic = random.Next(66, 86),
                BaselineHeartRate = random.Next(58, 88),
                BaselinePhq9 = random.Next(14, 25),
            };
        }

        return patients;
    }
}
