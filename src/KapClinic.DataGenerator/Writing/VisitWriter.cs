using System.Security.Cryptography;
using System.Text;
using KapClinic.DataGenerator.Planning;

namespace KapClinic.DataGenerator.Writing;

/// <summary>Appointments, and for each visit that took place its clinical note (signed by its author) with its kind's own row.</summary>
internal static class VisitWriter
{
    private static readonly string[][] Topics = [["EffectsAndRisks", "Dissociation", "Consent"], ["SetAndSetting", "WhatToExpectOnTheDay", "SafetyPlan", "DrivingRestriction"]];
    private static readonly string[] Themes = ["Self-compassion", "Grief", "Connection", "Body awareness", "Purpose", "Forgiveness"];
    private static readonly string[] Approaches = ["PartsWork", "Neurosculpting", "Somatic", "Mindfulness", "Narrative"];

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
            var draft = IsDraft(s, plan);
            var end = s.Start.AddHours(s.Hours);
            table.Row();
            table.Uuid(s.Id);
            table.Text(s.Kind switch { SessionKind.Preparation => "PreparationSession", SessionKind.Dosing => "DosingSession", _ => "IntegrationNote" });
            table.Uuid(plan.Patients[course.Patient].Id);
            table.Uuid(course.Id);
            table.Uuid(staff.Clinicians[s.Clinician]);
            table.Time(s.Start);
            table.Text(draft ? "Draft" : "Signed");
            table.Time(s.Start);
            table.Time(end);
            table.Uuid(draft ? null : staff.Clinicians[s.Clinician]);
            table.Text(draft ? null : staff.ClinicianNames[s.Clinician]);
            table.Text(draft ? null : staff.ClinicianCredentials[s.Clinician]);
            table.Time(draft ? null : end.AddMinutes(30));
            table.Text(draft ? null : "authored");
            table.Text(draft ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("generated:" + s.Id.ToString()))));
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

            var first = s.Number == 1;
            table.Row();
            table.Uuid(s.Id);
            table.Int(50);
            table.Text(s.Id.GetHashCode() % 4 == 0 ? "Telehealth" : "InPerson");
            table.Text("To feel close to my family again and to stop dreading the mornings.");
            table.TextArray(Topics[first ? 0 : 1]);
            table.Text("Alert and oriented; mood low, affect congruent; no suicidal ideation; thought process linear.");
            table.Text("Partner (confirmed by phone)");
            table.Bool(!first);
            table.Text(first ? "NotYet" : "Ready");
            table.Text(first ? "Wants another session on what to expect before the first dose." : "Understands the risks; ride home and support in place.");
            table.Text("Reviewed the course plan and the patient's questions about dissociation.");
            table.Text(first ? "Engaged but anxious about losing control." : "Prepared and motivated.");
            table.Text(first ? "Second preparation session next week." : "First dose as planned.");
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

            var h = s.Id.GetHashCode() & 0x7FFFFFFF;
            table.Row();
            table.Uuid(s.Id);
            table.Int(50);
            table.Text(h % 5 == 0 ? "Telehealth" : "InPerson");
            table.Text("Dap");
            table.Text("Reports feeling lighter for two days after the dose; sleep improved.");
            table.Text("Integrating well; early signs of self-compassion replacing self-criticism.");
            table.Text("Continue homework; next integration session after the next dose.");
            table.TextArray([Themes[h % Themes.Length]]);
            table.Text("Noticed that the critical voice is trying to protect them; less need to fight it.");
            table.TextArray([Approaches[h % Approaches.Length]]);
            table.Text("Goal: return to work three days a week. Progress: two half days this week.");
            table.Text("ClinicianJudgement");
            table.Text("Low");
            table.Text("Denies suicidal ideation; protective factors: family, work.");
        }
    }
}
