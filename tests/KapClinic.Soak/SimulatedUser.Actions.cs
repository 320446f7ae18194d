using System.Globalization;
using KapClinic.LoadSupport;

namespace KapClinic.Soak;

/// <summary>The actions of the mix, through the real pages and forms (field names as the Razor Pages render them).</summary>
public sealed partial class SimulatedUser
{
    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        if (await FormAsync("patients page", "/Patients", null, cancellationToken) is not { } form)
        {
            return;
        }

        var outcome = await http.PostAsync("search", "/Patients", form, [new("Query.Name", Any(context.World.SearchTerms))], cancellationToken);
        Expect(outcome, "search", 200);
    }

    private async Task ChartAsync(CancellationToken cancellationToken)
    {
        var outcome = await http.GetAsync("chart", $"/Patients/{Any(context.World.Patients)}", cancellationToken);
        Expect(outcome, "chart", 200);
    }

    private async Task ExportAsync(CancellationToken cancellationToken)
    {
        var page = await http.GetAsync("report page", user.IsStaff ? "/Reports/utilization" : "/Reports/dosing-log", cancellationToken);
        if (!Expect(page, "report page", 200))
        {
            return;
        }

        if (Html.LinkContaining(page.Body, "handler=Export", "format=csv") is not { } link)
        {
            context.Stats.Rejected("report page", page, "no CSV export link");
            return;
        }

        var export = await http.GetAsync("export CSV", link, cancellationToken);
        Expect(export, "export CSV", 200);
    }

    /// <summary>A reading on an open dosing session, its comment carrying a unique marker.</summary>
    private async Task VitalsAsync(CancellationToken cancellationToken)
    {
        var session = Any(context.World.OpenSessions);
        var url = $"/Patients/{session.PatientId}/Dosing/{session.SessionId}";
        var page = await http.GetAsync("dosing session", url, cancellationToken);
        if (!Expect(page, "dosing session", 200))
        {
            return;
        }

        if (ClinicClient.FormIn(page.Body, url, "handler=Reading") is not { } form || Html.InputValue(page.Body, "Reading.TakenAt") is not { } takenAt)
        {
            context.Stats.Rejected("dosing session", page, "no reading form");
            return;
        }

        var marker = $"soak {Guid.NewGuid():N}";
        await WriteAsync(
            new PendingWrite(WriteKind.VitalsReading, marker, "add reading", form.Action, form,
            [
                new("Reading.TakenAt", takenAt), new("Reading.Systolic", N(110, 135)), new("Reading.Diastolic", N(65, 85)),
                new("Reading.HeartRate", N(60, 95)), new("Reading.SpO2", N(95, 99)), new("Reading.RespiratoryRate", N(12, 18)),
                new("Reading.Moaas", N(3, 5)), new("Reading.Dissociation", "Present"), new("Reading.Nausea", "None"), new("Reading.Comment", marker),
            ], url),
            cancellationToken);
    }

    /// <summary>A preparation session note written and signed in one submit ("Save and sign"); its Data part carries the marker.</summary>
    private async Task NoteAsync(CancellationToken cancellationToken)
    {
        var course = Any(context.World.Courses);
        var url = $"/Patients/{course.PatientId}/Courses/{course.CourseId}/Preparation/New";
        var page = await http.GetAsync("note form", url, cancellationToken);
        if (!Expect(page, "note form", 200) || ClinicClient.FormIn(page.Body, url) is not { } form)
        {
            return;
        }

        var marker = $"soak {Guid.NewGuid():N}: reviewed set and setting, music and the support person's plan.";
        await WriteAsync(
            new PendingWrite(WriteKind.SignedNote, marker, "sign note", url + "?handler=Sign", form,
            [
                new("Input.OccurredAt", Html.InputValue(page.Body, "Input.OccurredAt") ?? string.Empty), new("Input.DurationMinutes", "50"),
                new("Input.Modality", "InPerson"), new("Input.Intentions", "To approach the grief with curiosity."),
                new("Input.MentalStatus", "Calm, engaged, euthymic; no suicidal ideation."), new("Input.Decision", "NotYet"),
                new("Input.DecisionRationale", "One more preparation session to practise grounding."), new("Input.Data", marker),
                new("Input.Assessment", "Engaged in preparation; expectations realistic."), new("Input.Plan", "Practise breathing; next session in a week."),
            ], $"/Patients/{course.PatientId}/Preparation/"),
            cancellationToken);
    }

    /// <summary>A consult with one of the load's clinicians, booked by the front desk in a free slot no other booking of the run uses.</summary>
    private async Task BookAsync(CancellationToken cancellationToken)
    {
        var patient = Any(context.World.BookablePatients);
        const string url = "/Schedule/Appointments/New";
        if (await FormAsync("booking form", $"{url}?patientId={patient}&type=Consult", null, cancellationToken) is not { } form)
        {
            return;
        }

        var clinician = Any(context.World.CliniciansWithHours);
        var (date, start, end) = context.Slots.Next();
        var startsAt = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(start), context.World.TimeZone);
        var marker = $"{patient}|{clinician}|{startsAt.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)}";
        await WriteAsync(
            new PendingWrite(WriteKind.Appointment, marker, "book appointment", url, form,
            [
                new("Input.PatientId", patient.ToString()), new("Input.Type", "Consult"), new("Input.ClinicianId", clinician.ToString()),
                new("Input.Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("Input.StartTime", start.ToString("HH:mm", CultureInfo.InvariantCulture)), new("Input.EndTime", end.ToString("HH:mm", CultureInfo.InvariantCulture)),
            ], "/Schedule/Appointments/"),
            cancellationToken);
    }

    private async Task<PageForm?> FormAsync(string label, string url, string? action, CancellationToken cancellationToken)
    {
        var page = await http.GetAsync(label, url, cancellationToken);
        if (!Expect(page, label, 200))
        {
            return null;
        }

        var form = ClinicClient.FormIn(page.Body, url, action);
        if (form is null)
        {
            context.Stats.Rejected(label, page, "no POST form");
        }

        return form;
    }

    /// <summary>True when the answer is the expected one; an outage's answer is already counted, anything else is unexpected.</summary>
    private bool Expect(Outcome outcome, string label, int status)
    {
        if (outcome.Status == status)
        {
            return true;
        }

        if (!outcome.IsOutage && outcome.Status < 500)
        {
            context.Stats.Rejected(label, outcome, FirstError(outcome.Body));
        }

        return false;
    }

    private string N(int min, int max) => random.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);
}
