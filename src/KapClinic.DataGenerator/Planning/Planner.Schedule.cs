using KapClinic.Core.Courses;
using KapClinic.Core.Patients;

namespace KapClinic.DataGenerator.Planning;

internal sealed partial class Planner
{
    private CoursePlan Place(CourseDraft draft, PatientPlan[] patients, int historyDays, int courseIndex)
    {
        var definition = DefaultProtocols.All[draft.Protocol].Definition;
        var patient = patients[draft.Patient];
        var prep = draft.Status == CourseStatus.Planned ? Math.Max(1, definition.PlannedPreparationSessions) : definition.PlannedPreparationSessions;
        var span = (prep * 7) + (int)(draft.Doses * 3.5);
        var start = draft.Status switch
        {
            CourseStatus.Planned => historyDays + random.Next(1, FutureDays - 7),
            CourseStatus.Active => Math.Max(0, historyDays - span - random.Next(1, 4)),
            _ => random.Next(0, Math.Max(1, historyDays - span - 40)),
        };
        var prescriber = PrescriberNear(patient.Clinician);
        var course = new CoursePlan
        {
            Id = Ids.At(origin.AddDays(start - 7), random), Patient = draft.Patient, Protocol = draft.Protocol, Status = draft.Status, StartDay = start,
            Clinician = patient.Clinician, Prescriber = prescriber, DosesDone = draft.Doses, ExtraIntegration = draft.Extra,
        };
        patient.Status = draft.Status switch
        {
            CourseStatus.Planned => PatientStatus.Eligible,
            CourseStatus.Active => PatientStatus.Active,
            CourseStatus.Completed => random.NextDouble() < 0.6 ? PatientStatus.Maintenance : PatientStatus.Discharged,
            _ => PatientStatus.Discharged,
        };

        var day = start;
        var last = -1;
        for (var i = 1; i <= prep; i++)
        {
            last = Visit(courseIndex, patient.Clinician, SessionKind.Preparation, i, Math.Max(day, last + 1), 1, historyDays, draft.Status == CourseStatus.Planned);
            day = last + 7;
        }

        var integrations = draft.Integrations(definition);
        var planned = draft.Status == CourseStatus.Active ? definition.PlannedDosingSessions : draft.Doses;
        for (var d = 1; d <= planned; d++)
        {
            var future = d > draft.Doses;
            last = Visit(courseIndex, patient.Clinician, SessionKind.Dosing, d, Math.Max(day, last + 1), DosingHours, historyDays, future);
            if (d <= integrations || (future && d <= definition.PlannedIntegrationSessions))
            {
                last = Visit(courseIndex, patient.Clinician, SessionKind.Integration, d, last + random.Next(1, 3), 1, historyDays, future);
            }

            day = last + random.Next(2, 4);
        }

        for (var e = 1; e <= draft.Extra; e++)
        {
            last = Visit(courseIndex, patient.Clinician, SessionKind.Integration, integrations + e, Math.Max(day, last + 1), 1, historyDays, false);
            day = last + random.Next(5, 10);
        }

        if (draft.Status is CourseStatus.Completed or CourseStatus.Stopped)
        {
            course.EndDay = Math.Max(last, start);
        }

        return course;
    }

    private int PrescriberNear(int clinician)
    {
        for (var c = clinician - (clinician % 5); c >= 0; c -= 5)
        {
            if (c < profile.Clinicians && GeneratedUsers.IsPrescriber(c + 1))
            {
                return c;
            }
        }

        return 0;
    }

    /// <summary>Books one visit on the first day from <paramref name="day"/> with room in a clinician's day (the course's own first).</summary>
    private int Visit(int course, int clinician, SessionKind kind, int number, int day, int hours, int historyDays, bool future)
    {
        var days = used.GetLength(1);
        for (var attempt = 0; ; attempt++)
        {
            var c = attempt < 8 ? clinician : (clinician + (attempt / 8)) % profile.Clinicians;
            var d = Math.Min(days - 1, day + (attempt % 8));
            if (origin.AddDays(d).DayOfWeek == DayOfWeek.Sunday || used[c, d] + hours > DayHours)
            {
                if (attempt > 8 * profile.Clinicians * 4)
                {
                    throw new InvalidOperationException("The clinic's calendar is full; the profile has too few clinicians for its visits.");
                }

                continue;
            }

            var start = origin.AddDays(d).AddHours(DayStartHour + used[c, d]);
            used[c, d] += (byte)hours;
            var past = d < historyDays && !future;
            if (!past && d >= historyDays + FutureDays)
            {
                return d; // beyond the booking horizon: not booked yet
            }

            var status = past ? NoShowOrCompleted() : VisitStatus.Booked;
            sessions.Add(new SessionPlan { Start = start, Course = course, Clinician = (short)c, Hours = (byte)hours, Kind = kind, Status = status, Number = (byte)number, Lot = -1 });
            if (status == VisitStatus.NoShow)
            {
                return Visit(course, clinician, kind, number, d + 1, hours, historyDays, future);
            }

            if (past && random.NextDouble() < 0.03)
            {
                // An earlier booking of the same visit, cancelled: cancelled appointments hold no slot.
                sessions.Add(new SessionPlan { Start = start.AddDays(-2), Course = course, Clinician = (short)c, Hours = (byte)hours, Kind = kind, Status = VisitStatus.Cancelled, Number = (byte)number, Lot = -1 });
            }

            return d;
        }
    }

    private VisitStatus NoShowOrCompleted() => random.NextDouble() < 0.02 ? VisitStatus.NoShow : VisitStatus.Completed;
}
