using Hl7.Fhir.Model;
using KapClinic.Core.Measures;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// A completed scale's answers as a QuestionnaireResponse: one item per answer, linkId = the item number as printed
/// ("1" ... "9", "6b"), the answer as an integer. No item wording (several scales are copyrighted).
/// </summary>
public static class FhirQuestionnaireMapper
{
    public static QuestionnaireResponse Response(FhirMeasureRow row, FhirMapContext map)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(map);
        var definition = Instruments.Get(row.Instrument);
        var response = new QuestionnaireResponse
        {
            Id = FhirIds.Of(row.Id),
            Questionnaire = map.Options.Questionnaire(definition.ShortName.ToLowerInvariant()),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = map.Patient(row.PatientId),
            Encounter = row.EncounterId is { } encounter ? map.Encounter(encounter) : null,
            AuthoredElement = map.Time(row.TakenAt),
            Author = map.User(row.EnteredBy, row.EnteredByName),
            Source = map.Patient(row.PatientId),
        };
        for (var i = 0; i < row.Answers.Length; i++)
        {
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = i < definition.ItemCount ? definition.ItemNumber(i) : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Integer(row.Answers[i]) }],
            });
        }

        return response;
    }
}
