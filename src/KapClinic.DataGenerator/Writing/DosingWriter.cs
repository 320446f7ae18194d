using KapClinic.Core.Courses;
using KapClinic.DataGenerator.Planning;
using NpgsqlTypes;

namespace KapClinic.DataGenerator.Writing;

/// <summary>
/// Dosing sessions as the protocol runs them: checklist and pre-dose vitals at +4 min, the dose at +10 (an IV dose infused
/// over 40 min), readings every few minutes from then on, discharge near the end of the three-hour slot.
/// </summary>
internal static class DosingWriter
{
    public static async Task WriteSessionsAsync(GenerationContext context)
    {
        var plan = context.Plan;
        await using var table = await BulkTable.OpenAsync(
            context,
            "dosing_sessions",
            "id, prescriber_id, appointment_id, protocol_id, drug, route, dose_unit, dose_min, dose_max, minimum_monitoring_minutes, vitals_interval_minutes, " +
            "identity_verified, consent_current, fasting, ride_home_name, ride_home_phone, no_contraindicated_medication_today, intention, mood_score, weight_kg, " +
            "pre_dose_systolic, pre_dose_diastolic, pre_dose_heart_rate, pre_dose_sp_o2, pre_dose_respiratory_rate, pre_dose_vitals_at, takes_benzodiazepine, " +
            "takes_non_benzodiazepine_sedative, takes_psychostimulant, takes_maoi, pre_dose_cssrs_measure_id, pre_dose_cssrs_risk, patient_account, " +
            "discharge_vitals_near_baseline, discharge_alert_and_oriented, discharge_walking_steadily, discharge_nausea_controlled, " +
            "discharge_responsible_adult_present, discharge_instructions_given, discharged_at, discharged_with, ready_to_leave_at",
            plan.DosingCount);
        for (var i = 0; i < plan.Sessions.Length; i++)
        {
            var s = plan.Sessions[i];
            if (s is not { Kind: SessionKind.Dosing, Status: VisitStatus.Completed })
            {
                continue;
            }

            var course = plan.Courses[s.Course];
            var patient = plan.Patients[course.Patient];
            var (protocolId, p) = DefaultProtocols.All[course.Protocol];
            var discharged = s.Start.AddMinutes(170);
            table.Row();
            table.Uuid(s.Id);
            table.Uuid(context.Staff.Clinicians[course.Prescriber]);
            table.Uuid(s.AppointmentId);
            table.Uuid(protocolId);
            table.Text(p.Drug.ToString());
            table.Text(p.Route.ToString());
            table.Text(p.DoseUnit.ToString());
            table.Write(p.DoseMin, NpgsqlDbType.Numeric);
            table.Write(p.DoseMax, NpgsqlDbType.Numeric);
            table.Int(p.MinimumMonitoringMinutes);
            table.Int(p.VitalsIntervalMinutes);
            table.Bool(true);
            table.Bool(true);
            table.Bool(true);
            table.Text("Partner");
            table.Text("+1 (555) 0200-1234");
            table.Bool(true);
            table.Text("To meet the heaviness with curiosity.");
            table.Int(3 + (s.Number % 5));
            table.Numeric(DoseFacts.For(plan, s, i).WeightKg);
            table.Int(patient.BaselineSystolic);
            table.Int(patient.BaselineDiastolic);
            table.Int(patient.BaselineHeartRate);
            table.Int(98);
            table.Int(15);
            table.Time(s.Start.AddMinutes(4));
            table.Bool(false);
            table.Bool(false);
            table.Bool(false);
            table.Bool(false);
            table.Uuid(context.PreDoseCssrs[i]);
            table.Text("Low");
            table.Text("Detached and heavy for half an hour, then clear.");
            for (var k = 0; k < 6; k++)
            {
                table.Bool(true);
            }

            table.Time(discharged);
            table.Text("Partner, by car");
            table.Time(p.Drug == DrugKind.Esketamine ? s.Start.AddMinutes(100) : null);
        }
    }

    /// <returns>The administration id of each dosed session, by session index (for the ledger).</returns>
    public static async Task<Guid[]> WriteDosesAsync(GenerationContext context)
    {
        var plan = context.Plan;
        var ids = new Guid[plan.Sessions.Length];
        await using var table = await BulkTable.OpenAsync(
            context,
            "dose_administrations",
            "id, note_id, patient_id, sequence, drug, route, dose_mg, weight_kg, mg_per_kg, concentration_mg_per_ml, volume_ml, administered_at, is_infusion, " +
            "infusion_end_at, infusion_rate_ml_per_hour, device_count, lot_number, given_by_id, prescriber_id, recorded_at, lot_id",
            plan.DosingCount);
        for (var i = 0; i < plan.Sessions.Length; i++)
        {
            var s = plan.Sessions[i];
            if (s.Lot < 0)
            {
                continue;
            }

            var course = plan.Courses[s.Course];
            var p = DefaultProtocols.All[course.Protocol].Definition;
            var dose = DoseFacts.For(plan, s, i);
            var at = s.Start.AddMinutes(10);
            var iv = p.Route == AdministrationRoute.Intravenous;
            var vial = dose.Product == 0;
            ids[i] = Ids.At(at, context.Random);
            table.Row();
            table.Uuid(ids[i]);
            table.Uuid(s.Id);
            table.Uuid(plan.Patients[course.Patient].Id);
            table.Int(1);
            table.Text(p.Drug.ToString());
            table.Text(p.Route.ToString());
            table.Numeric(dose.DoseMg);
            table.Numeric(dose.WeightKg);
            table.Numeric(Math.Round(dose.DoseMg / dose.WeightKg, 2));
            table.Numeric(iv ? Math.Round(dose.DoseMg / 100m, 2) : vial ? 50m : null);
            table.Numeric(iv ? 100m : vial ? dose.Units : null);
            table.Time(at);
            table.Bool(iv);
            table.Time(iv ? at.AddMinutes(40) : null);
            table.Numeric(iv ? 150m : null);
            table.Int(dose.Devices);
            table.Text(context.Lots[s.Lot].Number);
            table.Uuid(context.Staff.Clinicians[s.Clinician]);
            table.Uuid(context.Staff.Clinicians[course.Prescriber]);
            table.Time(at.AddMinutes(1));
            table.Uuid(context.Lots[s.Lot].Id);
        }

        return ids;
    }
}
