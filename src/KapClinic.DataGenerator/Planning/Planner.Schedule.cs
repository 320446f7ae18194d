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
        var start = draft.Status == CourseStatus.Planned
            ? historyDays + random.Next(1, FutureDays - 7)
            : random.Next(0, Math.Max(1, historyDays - 10));
        var prescriber = PrescriberNear(patient.Clinician);
        var day = start;
        var last = -1;
        for (var i = 1; i <= prep; i++)
        {
            last = Visit(courseIndex, patient.Clinician, SessionKind.Preparation, i, Math.Max(day, last + 1), 1, historyDays);
            day = last + 7;
        }

        var integrations = draft.Status == CourseStatus.Stopped ? draft.Doses : definition.PlannedIntegrationSessions;
        var doses = draft.Status == CourseStatus.Planned ? 0 : draft.Status == CourseStatus.Stopped ? draft.Doses : definition.PlannedDosingSessions;
        var done = 0;
        for (var d = 1; d <= doses; d++)
        {
            last = Visit(courseIndex, patient.Clinician, SessionKind.Dosing, d, Math.Max(day, last + 1), DosingHours, historyDays);
            done += last < historyDays ? 1 : 0;
            if (d <= integrations)
            {
                last = Visit(courseIndex, patient.Clinician, SessionKind.Integration, d, last + random.Next(1, 3), 1, historyDays);
            }

            day = last + random.Next(2, 4);
        }

        for (var e = 1; e <= draft.Extra; e++)
        {
            last = Visit(courseIndex, patient.Clinician, SessionKind.Integration, integrations + e, Math.Max(day, last + 1), 1, historyDays);
            day = last + random.Next(5, 10);
        }

        var status = draft.Status == CourseStatus.Planned ? CourseStatus.Planned : last >= historyDays ? CourseStatus.Active : draft.Status;
        var course = new CoursePlan
        {
            Id = Ids.At(origin.AddDays(start - 7), random), Patient = draft.Patient, Protocol = draft.Protocol, Status = status, StartDay = start,
            Clinician = patient.Clinician, Prescriber = prescriber, DosesDone = done, ExtraIntegration = draft.Extra,
            EndDay = status is CourseStatus.Completed or CourseStatus.Stopped ? Math.Max(last, start) : -1,
        };
        patient.Status = status switch
        {
            CourseStatus.Planned => PatientStatus.Eligible,
            CourseStatus.Active => PatientStatus.Active,
            CourseStatus.Completed => random.NextDouble() < 0.6 ? PatientStatus.Maintenance : PatientStatus.Discharged,
            _ => PatientStatus.Discharged,
        };
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
    private int Visit(int course, int clinician, SessionKind kind, int number, int day, int hours, int historyDays)
    {
        var days = used.GetLength(1);
        if (day >= historyDays + FutureDays)
        {
            return day; // beyond the booking horizon: not booked yet
        }

        for (var attempt = 0; ; attempt++)
        {
            if (attempt == 8 * profile.Clinicians)
            {
                // Every clinician's next eight days are full (a busy stretch): look at the eight days after. Past the
                // booking horizon the visit is simply not booked yet.
                day += 8;
                attempt = 0;
                if (day >= historyDays + FutureDays)
                {
                    return historyDays + FutureDays;
                }
            }

            var c = attempt < 8 ? clinician : (clinician + (attempt / 8)) % profile.Clinicians;
            var d = Math.Min(days - 1, day + (attempt % 8));
            if (origin.AddDays(d).DayOfWeek == DayOfWeek.Sunday || used[c, d] + hours > DayHours)
            {
                continue;
            }

            var start = origin.AddDays(d).AddHours(DayStartHour + used[c, d]);
            used[c, d] += (byte)hours;
            var past = d < historyDays;
            if (!past && d >= historyDays + FutureDays)
            {
                return d; // beyond the booking horizon: not booked yet
            }

            var status = past ? NoShowOrCompleted() : VisitStatus.Booked;
            sessions.Add(new SessionPlan { Start = start, Course = course, Clinician = (short)c, Hours = (byte)hours, Kind = kind, Status = status, Number = (byte)number, Lot = -1 });
            if (status == VisitStatus.NoShow)
            {
                return Visit(course, clinician, kind, number, d + 1, hours, historyDays);
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
