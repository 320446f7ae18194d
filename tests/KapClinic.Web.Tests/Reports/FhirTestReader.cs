using System.IO.Compression;
using System.Text;
using Hl7.Fhir.Model;
using AuditEvent = KapClinic.Core.Auditing.AuditEvent;
using Hl7.Fhir.Serialization;
using KapClinic.Core.Data;
using KapClinic.Core.Reports.Fhir;
using KapClinic.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KapClinic.Web.Tests.Reports;

/// <summary>Runs the FHIR exports through the real service and reads them back with Firely's strict deserializer.</summary>
internal static class FhirTestReader
{
    public static async Task<(Bundle Bundle, FhirResourceCounts Counts)> ExportPatientAsync(KapClinicAppFactory app, Guid patientId, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        var counts = await scope.ServiceProvider.GetRequiredService<FhirExportService>().ExportPatientAsync(patientId, userId, output);
        return (FhirJsonDeserializer.STRICT.Deserialize<Bundle>(Encoding.UTF8.GetString(output.ToArray())), counts);
    }

    /// <summary>The zip's files (name, parsed lines), written to a stream that cannot seek, as a response body.</summary>
    public static async Task<(Dictionary<string, List<Resource>> Files, FhirResourceCounts Counts)> ExportBulkAsync(
        KapClinicAppFactory app, DateOnly from, DateOnly to, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var buffer = new MemoryStream();
        FhirResourceCounts counts;
        await using (var forward = new ForwardOnlyStream(buffer))
        {
            counts = await scope.ServiceProvider.GetRequiredService<FhirExportService>().ExportBulkAsync(from, to, userId, forward);
        }

        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var files = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            files[entry.FullName] = [.. lines.Select(l => FhirJsonDeserializer.STRICT.DeserializeResource(l))];
        }

        return (files, counts);
    }

    public static async Task<List<AuditEvent>> AuditAsync(KapClinicAppFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KapClinicDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.UserId == userId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync();
    }

    public static IEnumerable<T> All<T>(this Bundle bundle)
        where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    public static Observation Coded(this IEnumerable<Observation> observations, string loinc) =>
        observations.First(o => o.Code.Coding.Any(c => c.Code == loinc));

    /// <summary>Every Reference anywhere inside <paramref name="node"/> (walked through Firely's element enumeration).</summary>
    public static IEnumerable<ResourceReference> AllReferences(this Base node)
    {
        foreach (var (_, value) in node.EnumerateElements())
        {
            var children = value switch
            {
                Base one => [one],
                IEnumerable<Base> many => many,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is ResourceReference reference)
                {
                    yield return reference;
                }

                foreach (var inner in child.AllReferences())
                {
                    yield return inner;
                }
            }
        }
    }

    public static decimal? Number(this DataType? value) => (value as Quantity)?.Value;
}
