using KapClinic.DataGenerator.Planning;

namespace KapClinic.DataGenerator.Writing;

/// <summary>
/// Readings over each session: the dose's effect rises to a peak about 30 min after it and fades (e = t/30 · e^(1 - t/30)),
/// lifting blood pressure (+20/+10) and heart rate (+12), dipping SpO2 a point, lowering MOAA/S to 3-4 and bringing
/// dissociation near the peak; all within the schema's physiological limits.
/// </summary>
internal static class VitalsWriter
{
    public static async Task WriteAsync(GenerationContext context, long expected)
    {
        var plan = context.Plan;
        var random = context.Random;
        await using var table = await BulkTable.OpenAsync(
            context,
            "vitals_readings",
            "id, note_id, patient_id, taken_at, systolic, diastolic, heart_rate, sp_o2, respiratory_rate, moaas, dissociation, cadss6, nausea, comment, recorded_by, recorded_at",
            expected);
        foreach (var s in plan.Sessions)
        {
            if (s.Readings == 0)
            {
                continue;
            }

            var course = plan.Courses[s.Course];
            var patient = plan.Patients[course.Patient];
            var monitor = context.Staff.Clinicians[s.Clinician];
            var cadss = course.Protocol is 0 or 1;
            var interval = Math.Max(5, 150 / s.Readings);
            for (var r = 0; r < s.Readings; r++)
            {
                var minutes = r * interval;
                var e = minutes == 0 ? 0 : minutes / 30.0 * Math.Exp(1 - (minutes / 30.0));
                var at = s.Start.AddMinutes(10 + minutes);
                table.Row();
                table.Uuid(Ids.At(at, random));
                table.Uuid(s.Id);
                table.Uuid(patient.Id);
                table.Time(at);
                table.Int(patient.BaselineSystolic + (int)(20 * e) + random.Next(-4, 5));
                table.Int(patient.BaselineDiastolic + (int)(10 * e) + random.Next(-3, 4));
                table.Int(patient.BaselineHeartRate + (int)(12 * e) + random.Next(-3, 4));
                table.Int(98 - (e > 0.7 ? 1 : 0) - random.Next(0, 2));
                table.Int(14 + random.Next(0, 3));
                table.Int(e > 0.8 ? 3 : e > 0.5 ? 4 : 5);
                table.Text(e > 0.4 ? "Present" : "Absent");
                table.Int(cadss ? (int)Math.Round(18 * e) : null);
                table.Text(e > 0.6 && random.Next(8) == 0 ? "Mild" : "None");
                table.Text(r == s.Readings - 1 ? "Vitals near baseline; walking steadily." : null);
                table.Uuid(monitor);
                table.Time(at.AddMinutes(1));
            }
        }
    }
}
