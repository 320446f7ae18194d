using System.Security.Cryptography;
using System.Text;
using KapClinic.Core.Notes;
using KapClinic.DataGenerator.Planning;

namespace KapClinic.DataGenerator.Writing;

/// <summary>
/// The generated notes' own fields, in one place for both their rows and their content hash. Preparation and integration
/// notes carry the hash the app computes (ClinicalNote.ComputeHash, through the same NoteContent), so their pages show
/// "content verified"; dosing session notes, whose hash also covers every reading, carry a placeholder.
/// </summary>
internal static class NoteTexts
{
    public static readonly string[][] Topics = [["EffectsAndRisks", "Dissociation", "Consent"], ["SetAndSetting", "WhatToExpectOnTheDay", "SafetyPlan", "DrivingRestriction"]];
    public static readonly string[] Themes = ["Self-compassion", "Grief", "Connection", "Body awareness", "Purpose", "Forgiveness"];
    public static readonly string[] Approaches = ["PartsWork", "Neurosculpting", "Somatic", "Mindfulness", "Narrative"];
    public const string Intentions = "To feel close to my family again and to stop dreading the mornings.";
    public const string MentalStatus = "Alert and oriented; mood low, affect congruent; no suicidal ideation; thought process linear.";
    public const string SupportPerson = "Partner (confirmed by phone)";
    public const string PrepData = "Reviewed the course plan and the patient's questions about dissociation.";
    public const string IntData = "Reports feeling lighter for two days after the dose; sleep improved.";
    public const string IntAssessment = "Integrating well; early signs of self-compassion replacing self-criticism.";
    public const string IntPlan = "Continue homework; next integration session after the next dose.";
    public const string Insights = "Noticed that the critical voice is trying to protect them; less need to fight it.";
    public const string Goals = "Goal: return to work three days a week. Progress: two half days this week.";
    public const string RiskNote = "Denies suicidal ideation; protective factors: family, work.";

    public static int Hash(in SessionPlan s) => s.Id.GetHashCode() & 0x7FFFFFFF;

    public static string Modality(in SessionPlan s) => Hash(s) % 5 == 0 ? "Telehealth" : "InPerson";

    public static bool First(in SessionPlan s) => s.Number == 1;

    public static string Decision(in SessionPlan s) => First(s) ? "NotYet" : "Ready";

    public static string Rationale(in SessionPlan s) =>
        First(s) ? "Wants another session on what to expect before the first dose." : "Understands the risks; ride home and support in place.";

    public static string PrepAssessment(in SessionPlan s) => First(s) ? "Engaged but anxious about losing control." : "Prepared and motivated.";

    public static string PrepPlan(in SessionPlan s) => First(s) ? "Second preparation session next week." : "First dose as planned.";

    public static string Theme(in SessionPlan s) => Themes[Hash(s) % Themes.Length];

    public static string Approach(in SessionPlan s) => Approaches[Hash(s) % Approaches.Length];

    /// <summary>The signed note's content hash, as ClinicalNote.ComputeHash would compute it.</summary>
    public static string ContentHash(in SessionPlan s, Guid patient, Guid course, Guid author, string signer, string? credentials, DateTime signedAt)
    {
        if (s.Kind == SessionKind.Dosing)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("generated:" + s.Id.ToString())));
        }

        var content = new NoteContent()
            .Add("note.id", s.Id)
            .Add("note.kind", s.Kind == SessionKind.Preparation ? "PreparationSession" : "IntegrationNote")
            .Add("note.patientId", patient)
            .Add("note.courseId", course)
            .Add("note.authorId", author)
            .Add("note.occurredAt", new DateTimeOffset(s.Start, TimeSpan.Zero))
            .Add("signature.signerId", author)
            .Add("signature.name", signer)
            .Add("signature.credentials", credentials)
            .Add("signature.signedAt", new DateTimeOffset(signedAt, TimeSpan.Zero))
            .Add("signature.meaning", "authored");
        if (s.Kind == SessionKind.Preparation)
        {
            content.Add("prep.durationMinutes", 50).Add("prep.modality", Modality(s)).Add("prep.intentions", Intentions)
                .AddList("prep.educationTopics", Topics[First(s) ? 0 : 1]).Add("prep.mentalStatus", MentalStatus).Add("prep.supportPerson", SupportPerson)
                .Add("prep.rideHomeArranged", !First(s)).Add("prep.decision", Decision(s)).Add("prep.decisionRationale", Rationale(s))
                .Add("prep.data", PrepData).Add("prep.assessment", PrepAssessment(s)).Add("prep.plan", PrepPlan(s));
        }
        else
        {
            content.Add("int.durationMinutes", 50).Add("int.modality", Modality(s)).Add("int.format", "Dap").Add("int.data", IntData)
                .Add("int.assessment", IntAssessment).Add("int.plan", IntPlan).AddList("int.themes", [Theme(s)]).Add("int.insights", Insights)
                .AddList("int.approaches", [Approach(s)]).Add("int.goalsAndProgress", Goals).Add("int.riskMethod", "ClinicianJudgement")
                .Add("int.riskLevel", "Low").Add("int.riskNote", RiskNote);
        }

        return content.Hash();
    }
}
