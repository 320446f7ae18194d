using Hl7.Fhir.Model;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// What every mapping needs: the clinic's systems, its time zone (times are written in the clinic's zone with their
/// offset), and how resources point at each other: inside a Bundle by "urn:uuid:&lt;id&gt;" (the entries' fullUrls), in
/// NDJSON by "Type/&lt;id&gt;". Clinicians and rooms are not exported as resources: they are logical references (an
/// identifier in the clinic's system and a display name).
/// </summary>
public sealed class FhirMapContext(FhirExportOptions options, TimeZoneInfo zone, bool inBundle)
{
    public FhirExportOptions Options => options;

    public bool InBundle => inBundle;

    public ResourceReference To(string resourceType, string id) =>
        new(inBundle ? "urn:uuid:" + id : resourceType + "/" + id);

    public ResourceReference To(string resourceType, Guid id) => To(resourceType, FhirIds.Of(id));

    public ResourceReference Patient(Guid id) => To("Patient", id);

    public ResourceReference Encounter(Guid id) => To("Encounter", id);

    public ResourceReference User(Guid id, string? name) => new()
    {
        Type = "Practitioner",
        Identifier = new Identifier(options.UserSystem, FhirIds.Of(id)),
        Display = name,
    };

    public FhirDateTime Time(DateTimeOffset utc) => new(TimeZoneInfo.ConvertTime(utc, zone));

    public DateTimeOffset Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, zone);

    public static CodeableConcept Loinc(string code, string display) => new(FhirCodes.Loinc, code, display, display);

    public static Quantity Ucum(decimal value, string code, string unit) => new()
    {
        Value = value,
        Unit = unit,
        System = FhirCodes.Ucum,
        Code = code,
    };
}
