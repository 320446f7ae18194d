using System.Text.Json;
using KapClinic.Core.Data.Json;
using KapClinic.Core.Patients;

namespace KapClinic.Core.Tests.Data;

public sealed class JsonReadModelTests
{
    [Fact]
    public void Snake_case_keys_enum_names_and_any_offset_read_into_records_with_times_in_utc()
    {
        const string json = """
            {"id": "0b7c5f0e-1111-4c6b-9a7e-000000000001", "name": "Sertraline", "dose": null, "class": "OtherSedative",
             "recorded_at": "2026-11-28T09:30:00.123+02:00"}
            """;

        var medication = JsonSerializer.Deserialize<ChartMedication>(json, JsonReadModel.Options)!;

        Assert.Equal("Sertraline", medication.Name);
        Assert.Null(medication.Dose);
        Assert.Equal(MedicationClass.OtherSedative, medication.Class);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 7, 30, 0, 123, TimeSpan.Zero), medication.RecordedAt);
        Assert.Equal(TimeSpan.Zero, medication.RecordedAt.Offset);
    }

    [Fact]
    public void A_property_with_digits_reads_from_its_snake_case_key()
    {
        var diagnosis = JsonSerializer.Deserialize<ChartDiagnosis>(
            """{"id": "0b7c5f0e-1111-4c6b-9a7e-000000000002", "icd10_code": "F33.1", "description": "MDD", "recorded_at": "2026-01-02T03:04:05+00:00"}""",
            JsonReadModel.Options)!;

        Assert.Equal("F33.1", diagnosis.Icd10Code);
    }
}
