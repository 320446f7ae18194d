using System.Runtime.CompilerServices;
using Hl7.Fhir.Model;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// Every resource of a scope, type after type in <see cref="FhirResourceCounts.Types"/> order, mapped as the rows stream in
/// from <see cref="FhirQueries"/> (one query per kind of record; nothing is held back but the current row).
/// </summary>
public static class FhirRecordWriter
{
    public static async IAsyncEnumerable<Resource> Resources(
        FhirQueries queries, FhirScope scope, FhirMapContext map, FhirResourceCounts counts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(counts);
        await foreach (var row in queries.Patients(scope).WithCancellation(cancellationToken))
        {
            yield return Counted(FhirRecordMapper.Patient(row, map), counts);
        }

        await foreach (var row in queries.Sessions(scope).WithCancellation(cancellationToken))
        {
            yield return Counted(FhirRecordMapper.Encounter(row, map), counts);
        }

        await foreach (var row in queries.Doses(scope).WithCancellation(cancellationToken))
        {
            yield return Counted(FhirMedicationMapper.Administration(row, map), counts);
        }

        await foreach (var row in queries.PreDoseVitals(scope).WithCancellation(cancellationToken))
        {
            foreach (var observation in FhirObservationMapper.VitalSigns(row, map))
            {
                yield return Counted(observation, counts);
            }
        }

        await foreach (var row in queries.Readings(scope).WithCancellation(cancellationToken))
        {
            foreach (var observation in FhirObservationMapper.VitalSigns(row, map))
            {
                yield return Counted(observation, counts);
            }
        }

        await foreach (var row in queries.Weights(scope).WithCancellation(cancellationToken))
        {
            yield return Counted(FhirObservationMapper.Weight(row, map), counts);
        }

        await foreach (var row in queries.Measures(scope).WithCancellation(cancellationToken))
        {
            yield return Counted(FhirObservationMapper.ScaleTotal(row, map), counts);
        }

        await foreach (var row in queries.Measures(scope).WithCancellation(cancellationToken))
        {
            yield return Counted(FhirQuestionnaireMapper.Response(row, map), counts);
        }

        await foreach (var row in queries.Appointments(scope).WithCancellation(cancellationToken))
        {
            yield return Counted(FhirRecordMapper.Appointment(row, map), counts);
        }
    }

    private static Resource Counted(Resource resource, FhirResourceCounts counts)
    {
        counts.Add(resource.TypeName);
        return resource;
    }
}
