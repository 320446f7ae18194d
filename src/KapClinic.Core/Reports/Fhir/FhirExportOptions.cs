namespace KapClinic.Core.Reports.Fhir;

/// <summary>FHIR export settings from configuration section "Fhir".</summary>
public sealed class FhirExportOptions
{
    public const string Section = "Fhir";

    /// <summary>
    /// The base of the clinic's own identifier systems and canonical URLs (MRN, user ids, questionnaires). A clinic
    /// that exchanges data sets its own URL here; the default is a placeholder under the reserved example domain.
    /// </summary>
    public Uri SystemBase { get; set; } = new("https://kapclinic.example/fhir/");

    public string MrnSystem => new Uri(SystemBase, "sid/mrn").ToString();

    public string UserSystem => new Uri(SystemBase, "sid/user").ToString();

    public string RoomSystem => new Uri(SystemBase, "sid/room").ToString();

    public string Questionnaire(string instrument) => new Uri(SystemBase, "Questionnaire/" + instrument).ToString();
}
