using KapClinic.DataGenerator.Planning;

namespace KapClinic.DataGenerator.Writing;

/// <summary>Appointments, and for each visit that took place its clinical note (signed by its author) with its kind's own row.</summary>
internal static class VisitWriter
{
    public static bool IsDraft(in SessionPlan s, ClinicPlan plan) =>
        s.Kind != SessionKind.Dosing && s.Start > plan.Now.AddDays(-3) && s.Id.GetHashCode() % 3 == 0;

    public static async Task WriteAppointmentsAsync(GenerationContext context)
    {
        var plan = context.Plan;
        await using var table = await BulkTable.OpenAsync(
            context,
            "appointments",
            "id, patient_id, type, clinician_id, prescriber_id, room_id, starts_at, ends_at, course_id, session_id, status, cancel_reason, checked_in_at, created_by, created_at",
            plan.Sessions.Length);
        foreach (var s in plan.Sessions)
        {
            var course = plan.Courses[s.Course];
            var completed = s.Status == VisitStatus.Completed;
            table.Row();
            table.Uuid(s.AppointmentId);
            table.Uuid(plan.Patients[course.Patient].Id);
            table.Text(s.Kind.ToString());
            table.Uuid(context.Staff.Clinicians[s.Clinician]);
            table.Uuid(s.Kind == SessionKind.Dosing ? context.Staff.Clinicians[course.Prescriber] : null);
            table.Uuid(context.Rooms[s.Clinician]);
            table.Time(s.Start);
            table.Time(s.Start.AddHours(s.Hours));
            table.Uuid(course.Id);
            table.Uuid(completed && s.Kind == SessionKind.Dosing ? s.Id : null);
            table.Text(s.Status.ToString());
            table.Text(s.Status == VisitStatus.Cancelled ? "Patient asked to move the visit." : null);
            table.Time(completed ? s.Start.AddMinutes(-5) : null);
            table.Uuid(context.Staff.Clinicians[s.Clinician]);
            table.Time(s.Start.AddDays(-14));
        }
    }

    public static async Task WriteNotesAsync(GenerationContext context)
    {
        var plan = context.Plan;
        var staff = context.Staff;
        await using var table = await BulkTable.OpenAsync(
            context,
            "clinical_notes",
            "id, kind, patient_id, course_id, author_id, occurred_at, status, created_at, updated_at, signed_by, signer_name, signer_credentials, signed_at, signature_meaning, content_hash",
            plan.DosingCount + plan.NoteCount);
        foreach (var s in plan.Sessions)
        {
            if (s.Status != VisitStatus.Completed)
            {
                continue;
            }

            var course = plan.Courses[s.Course];
            var patient = plan.Patients[course.Patient].Id;
            var author = staff.Clinicians[s.Clinician];
            var draft = IsDraft(s, plan);
            var end = s.Start.AddHours(s.Hours);
            var signedAt = end.AddMinutes(30);
            table.Row();
            table.Uuid(s.Id);
            table.Text(s.Kind switch { SessionKind.Preparation => "PreparationSession", SessionKind.Dosing => "DosingSession", _ => "IntegrationNote" });
            table.Uuid(patient);
            table.Uuid(course.Id);
            table.Uuid(author);
            table.Time(s.Start);
            table.Text(draft ? "Draft" : "Signed");
            table.Time(s.Start);
            table.Time(end);
            table.Uuid(draft ? null : author);
            table.Text(draft ? null : staff.ClinicianNames[s.Clinician]);
            table.Text(draft ? null : staff.ClinicianCredentials[s.Clinician]);
            table.Time(draft ? null : signedAt);
            table.Text(draft ? null : "authored");
            table.Text(draft ? null : NoteTexts.ContentHash(s, patient, course.Id, author, staff.ClinicianNames[s.Clinician], staff.ClinicianCredentials[s.Clinician], signedAt));
        }
    }

    public static async Task WritePreparationAsync(GenerationContext context)
    {
        var plan = context.Plan;
        await using var table = await BulkTable.OpenAsync(
            context,
            "preparation_sessions",
            "id, duration_minutes, modality, intentions, education_topics, mental_status, support_person, ride_home_arranged, decision, decision_rationale, data, assessment, plan",
            plan.NoteCount / 5);
        foreach (var s in plan.Sessions)
        {
            if (s is not { Status: VisitStatus.Completed, Kind: SessionKind.Preparation })
            {
                continue;
            }

            table.Row();
            table.Uuid(s.Id);
            table.Int(50);
            table.Text(NoteTexts.Modality(s));
            table.Text(NoteTexts.Intentions);
            table.TextArray(NoteTexts.Topics[NoteTexts.First(s) ? 0 : 1]);
            table.Text(NoteTexts.MentalStatus);
            table.Text(NoteTexts.SupportPerson);
            table.Bool(!NoteTexts.First(s));
            table.Text(NoteTexts.Decision(s));
            table.Text(NoteTexts.Rationale(s));
            table.Text(NoteTexts.PrepData);
            table.Text(NoteTexts.PrepAssessment(s));
            table.Text(NoteTexts.PrepPlan(s));
        }
    }

    public static async Task WriteIntegrationAsync(GenerationContext context)
    {
        var plan = context.Plan;
        await using var table = await BulkTable.OpenAsync(
            context,
            "integration_notes",
            "id, duration_minutes, modality, format, data, assessment, plan, themes, insights, approaches, goals_and_progress, risk_method, risk_level, risk_note",
            plan.NoteCount * 4 / 5);
        foreach (var s in plan.Sessions)
        {
            if (s is not { Status: VisitStatus.Completed, Kind: SessionKind.Integration })
            {
                continue;
            }

            table.Row();
            table.Uuid(s.Id);
            table.Int(50);
            table.Text(NoteTexts.Modality(s));
            table.Text("Dap");
            table.Text(NoteTexts.IntData);
            table.Text(NoteTexts.IntAssessment);
            table.Text(NoteTexts.IntPlan);
            table.TextArray([NoteTexts.Theme(s)]);
            table.Text(NoteTexts.Insights);
            table.TextArray([NoteTexts.Approach(s)]);
            table.Text(NoteTexts.Goals);
            table.Text("ClinicianJudgement");
            table.Text("Low");
            table.Text(NoteTexts.RiskNote);
        }
    }
}
