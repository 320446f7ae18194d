using KapClinic.Core.Measures;
using KapClinic.DataGenerator.Planning;
using NpgsqlTypes;

namespace KapClinic.DataGenerator.Writing;

/// <summary>
/// Rating scales, scored by the app's own MeasureScoring: PHQ-9 and GAD-7 at each preparation session and every other
/// integration session (falling as doses accumulate: most patients respond), and the pre-dose C-SSRS screener of each dose.
/// </summary>
internal static class MeasureWriter
{
    public static async Task WriteAsync(GenerationContext context)
    {
        var plan = context.Plan;
        var random = context.Random;
        await using var table = await BulkTable.OpenAsync(
            context,
            "measure_responses",
            "id, patient_id, instrument, answers, total, band, severity, alerts, taken_at, entered_by, entered_at, course_id, session_id, subscales",
            plan.DosingCount + (plan.NoteCount * 2 * 6 / 10));
        for (var i = 0; i < plan.Sessions.Length; i++)
        {
            var s = plan.Sessions[i];
            if (s.Status != VisitStatus.Completed)
            {
                continue;
            }

            var course = plan.Courses[s.Course];
            var patient = plan.Patients[course.Patient];
            var by = context.Staff.Clinicians[s.Clinician];
            if (s.Kind == SessionKind.Dosing)
            {
                var id = Ids.At(s.Start.AddMinutes(-10), random);
                context.PreDoseCssrs[i] = id;
                Row(table, id, patient.Id, Instrument.CssrsScreener, [0, 0, 0, 0, 0, 0, 0], s.Start.AddMinutes(-10), by, course.Id, s.Id);
                continue;
            }

            if (s.Kind == SessionKind.Integration && s.Number % 2 == 1)
            {
                continue;
            }

            var doses = s.Kind == SessionKind.Preparation ? 0 : Math.Min(s.Number, course.DosesDone);
            var phq = Math.Clamp(patient.BaselinePhq9 - (int)(doses * 1.6) + random.Next(-2, 3), 0, 27);
            var at = s.Start.AddMinutes(5);
            Row(table, Ids.At(at, random), patient.Id, Instrument.Phq9, Spread(phq, 9, 3, random, doses == 0 && random.NextDouble() < 0.1), at, by, course.Id, null);
            Row(table, Ids.At(at, random), patient.Id, Instrument.Gad7, Spread(Math.Min(21, phq * 7 / 10), 7, 3, random, false), at, by, course.Id, null);
        }
    }

    /// <summary>Item answers that add up to <paramref name="total"/> (PHQ-9's item 9, suicidal thoughts, only when asked).</summary>
    private static int[] Spread(int total, int items, int max, Random random, bool item9)
    {
        var answers = new int[items];
        var lastFree = items == 9 ? 8 : items;
        if (item9)
        {
            answers[8] = 1;
            total--;
        }

        total = Math.Min(total, lastFree * max);
        while (total > 0)
        {
            var k = random.Next(lastFree);
            if (answers[k] < max)
            {
                answers[k]++;
                total--;
            }
        }

        return answers;
    }

    private static void Row(BulkTable table, Guid id, Guid patient, Instrument instrument, int[] answers, DateTime at, Guid by, Guid course, Guid? session)
    {
        var score = MeasureScoring.Score(instrument, answers);
        table.Row();
        table.Uuid(id);
        table.Uuid(patient);
        table.Text(instrument.ToString());
        table.Write(answers, NpgsqlDbType.Array | NpgsqlDbType.Integer);
        table.Write(score.Total, NpgsqlDbType.Numeric);
        table.Text(score.Band);
        table.Text(score.Severity?.ToString());
        table.Write(score.Alerts.Select(a => a.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        table.Time(at);
        table.Uuid(by);
        table.Time(at.AddMinutes(2));
        table.Uuid(course);
        table.Uuid(session);
        table.Write("[]", NpgsqlDbType.Jsonb);
    }
}
