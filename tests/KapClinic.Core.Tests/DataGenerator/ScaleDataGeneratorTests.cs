using KapClinic.DataGenerator;

namespace KapClinic.Core.Tests.DataGenerator;

public sealed class ScaleDataGeneratorTests(GeneratedClinicFixture clinic) : IClassFixture<GeneratedClinicFixture>
{
    [Fact]
    public async Task The_generated_audit_trail_is_one_intact_hash_chain()
    {
        Assert.Equal(0L, await clinic.ScalarAsync<long>("SELECT count(*) FROM kap_audit_verify()"));
        Assert.Equal(0L, await clinic.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE row_hash IS NULL"));
        Assert.True(await clinic.ScalarAsync<long>("SELECT count(*) FROM audit_events") >= GeneratedClinicFixture.Profile.AuditEvents);
        Assert.Equal(
            await clinic.ScalarAsync<long>("SELECT max(chain_seq) FROM audit_events"),
            await clinic.ScalarAsync<long>("SELECT last_value FROM audit_events_chain_seq"));
    }

    [Fact]
    public async Task Every_lot_balance_is_its_ledger_running_sum_and_never_negative()
    {
        Assert.Equal(0L, await clinic.ScalarAsync<long>("SELECT count(*) FROM inventory_ledger WHERE balance_after < 0"));
        Assert.Equal(0L, await clinic.ScalarAsync<long>("""
            SELECT count(*) FROM (
                SELECT lot_id, balance_after, sum(delta) OVER (PARTITION BY lot_id ORDER BY recorded_at, balance_after DESC ROWS UNBOUNDED PRECEDING) AS running
                FROM inventory_ledger) e
            WHERE running <> balance_after
            """));
        Assert.Equal(0L, await clinic.ScalarAsync<long>(
            "SELECT count(*) FROM inventory_lots l WHERE balance <> (SELECT coalesce(sum(delta), 0) FROM inventory_ledger e WHERE e.lot_id = l.id)"));
        Assert.Equal(0L, await clinic.ScalarAsync<long>(
            "SELECT count(*) FROM dose_administrations d WHERE NOT EXISTS (SELECT 1 FROM inventory_ledger e WHERE e.administration_id = d.id AND e.kind = 'Administered')"));
    }

    [Fact]
    public async Task No_room_clinician_or_patient_is_double_booked()
    {
        Assert.Equal(0L, await clinic.ScalarAsync<long>("""
            SELECT count(*) FROM appointments a JOIN appointments b ON a.id < b.id AND a.period && b.period
            WHERE a.status <> 'Cancelled' AND b.status <> 'Cancelled'
              AND (a.room_id = b.room_id OR a.clinician_id = b.clinician_id OR a.patient_id = b.patient_id)
            """));
        Assert.True(await clinic.ScalarAsync<long>("SELECT count(*) FROM appointments") > GeneratedClinicFixture.Profile.DosingSessions);
    }

    [Fact]
    public async Task Every_signed_note_has_its_author_as_signer_and_a_signing_time()
    {
        Assert.True(await clinic.ScalarAsync<long>("SELECT count(*) FROM clinical_notes WHERE status = 'Signed'") > 0);
        Assert.Equal(0L, await clinic.ScalarAsync<long>(
            "SELECT count(*) FROM clinical_notes WHERE status = 'Signed' AND (signed_by IS DISTINCT FROM author_id OR signer_name IS NULL OR signed_at < occurred_at)"));
        Assert.Equal(0L, await clinic.ScalarAsync<long>(
            "SELECT count(*) FROM clinical_notes n WHERE kind = 'DosingSession' AND NOT EXISTS (SELECT 1 FROM dosing_sessions d WHERE d.id = n.id)"));
    }

    [Fact]
    public async Task Some_dosing_sessions_have_exactly_thirty_readings_and_all_readings_are_in_range()
    {
        Assert.True(await clinic.ScalarAsync<long>("SELECT count(*) FROM (SELECT note_id FROM vitals_readings GROUP BY note_id HAVING count(*) = 30) s") > 0);
        Assert.Equal(0L, await clinic.ScalarAsync<long>(
            "SELECT count(*) FROM vitals_readings WHERE systolic NOT BETWEEN 90 AND 200 OR sp_o2 NOT BETWEEN 90 AND 100 OR moaas NOT BETWEEN 0 AND 5"));
    }

    [Fact]
    public async Task Phq9_and_gad7_totals_equal_their_item_sums()
    {
        Assert.True(await clinic.ScalarAsync<long>("SELECT count(*) FROM measure_responses WHERE instrument = 'Phq9'") > 0);
        Assert.Equal(0L, await clinic.ScalarAsync<long>(
            "SELECT count(*) FROM measure_responses WHERE instrument IN ('Phq9', 'Gad7') AND total <> (SELECT sum(a) FROM unnest(answers) a)"));
        Assert.Equal(0L, await clinic.ScalarAsync<long>(
            "SELECT count(*) FROM measure_responses WHERE instrument = 'Phq9' AND (answers[9] > 0) <> ('SuicideRisk' = ANY (alerts))"));
    }

    [Fact]
    public async Task The_generated_users_exist_with_their_roles_and_an_authenticator()
    {
        Assert.Equal("Clinician", await RoleOfAsync(GeneratedUsers.Clinician(1)));
        Assert.Equal("Admin", await RoleOfAsync(GeneratedUsers.Admin));
        Assert.Equal("Staff", await RoleOfAsync(GeneratedUsers.Staff(1)));
        Assert.True(await clinic.ScalarAsync<bool>($"SELECT is_prescriber AND two_factor_enabled FROM users WHERE email = '{GeneratedUsers.Clinician(1)}'"));
    }

    [Fact]
    public async Task The_schema_after_generating_is_exactly_the_migrated_one()
    {
        Assert.Equal(clinic.SchemaBefore, await clinic.ScalarAsync<string>(GeneratedClinicFixture.SchemaQuery));
    }

    [Fact]
    public async Task Generating_the_same_scale_again_is_a_no_op()
    {
        var patients = await clinic.ScalarAsync<long>("SELECT count(*) FROM patients");
        var again = await ScaleDataGenerator.GenerateAsync(clinic.ConnectionString, GeneratedClinicFixture.Profile, new GenerateOptions());
        Assert.Equal(GenerationOutcome.Generated, clinic.Summary.Outcome);
        Assert.Equal(GenerationOutcome.AlreadyGenerated, again.Outcome);
        Assert.Equal(patients, await clinic.ScalarAsync<long>("SELECT count(*) FROM patients"));
    }

    [Fact]
    public async Task Another_scale_on_a_generated_database_is_refused()
    {
        var ex = await Assert.ThrowsAsync<GenerationRefusedException>(
            () => ScaleDataGenerator.GenerateAsync(clinic.ConnectionString, ScaleProfile.Tiny("other"), new GenerateOptions()));
        Assert.Contains("scale 'tiny'", ex.Message, StringComparison.Ordinal);
    }

    private Task<string> RoleOfAsync(string email) => clinic.ScalarAsync<string>(
        $"SELECT string_agg(r.name, ',') FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.email = '{email}'");
}
