using Hl7.Fhir.Model;
using KapClinic.Core.Common;
using KapClinic.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// The FHIR R4 exports: one patient's record as a Bundle (type collection, JSON), or everything in a period as NDJSON
/// per resource type in a zip, streamed. Both run through <see cref="ReportService"/>: Admins and Clinicians only (the
/// role is read from the database), the filter validated like the reports', and audited as Report.Exported with the
/// resource counts.
/// </summary>
public sealed class FhirExportService(ReportService reports, FhirQueries queries, KapClinicDbContext db, IOptions<FhirExportOptions> options)
{
    public const string BundleContentType = "application/fhir+json";
    public const string ZipContentType = "application/zip";

    /// <summary>The patient with this MRN (as typed, or in capitals: "kap-000123" finds KAP-000123), or null.</summary>
    public async Task<Guid?> FindPatientAsync(string? mrn, CancellationToken cancellationToken = default)
    {
        var typed = mrn?.Trim() ?? string.Empty;
        if (typed.Length == 0)
        {
            return null;
        }

        var upper = typed.ToUpperInvariant();
        return await db.Patients.AsNoTracking().Where(p => p.Mrn == typed || p.Mrn == upper)
            .OrderBy(p => p.Mrn == typed ? 0 : 1).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> PatientExistsAsync(Guid patientId, CancellationToken cancellationToken = default) =>
        await db.Patients.AsNoTracking().AnyAsync(p => p.Id == patientId, cancellationToken);

    /// <summary>The download's file name: the patient's id, never the MRN or a name.</summary>
    public static string BundleFileName(Guid patientId) => $"kapclinic-patient-{patientId}.json";

    public static string BulkFileName(DateOnly from, DateOnly to) => FormattableString.Invariant($"kapclinic-fhir-{from:yyyyMMdd}-{to:yyyyMMdd}.zip");

    /// <summary>Writes the patient's Bundle to <paramref name="output"/>; <see cref="NotFoundException"/> for an unknown patient.</summary>
    public async Task<FhirResourceCounts> ExportPatientAsync(Guid patientId, Guid userId, Stream output, CancellationToken cancellationToken = default)
    {
        var counts = new FhirResourceCounts();
        await reports.ExportAsync(
            FhirExports.Patient, "fhir+json", new ReportFilter { PatientId = patientId }, userId, async (context, counter, ct) =>
            {
                if (!await db.Patients.AsNoTracking().AnyAsync(p => p.Id == patientId, ct))
                {
                    throw new NotFoundException("There is no such patient.");
                }

                var map = new FhirMapContext(options.Value, context.Zone, inBundle: true);
                var bundle = new Bundle { Id = Guid.NewGuid().ToString(), Type = Bundle.BundleType.Collection, Timestamp = context.Now };
                var resources = FhirRecordWriter.Resources(queries, FhirScope.ForPatient(patientId), map, counts, ct);
                await foreach (var resource in counter.Count(resources, ct).WithCancellation(ct))
                {
                    bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + resource.Id, Resource = resource });
                }

                await FhirJsonOutput.WriteBundleAsync(bundle, output, ct);
            }, counts.Describe, cancellationToken);
        return counts;
    }

    /// <summary>
    /// Streams the zip of NDJSON files for the period (whole days in the clinic's zone; at most
    /// <see cref="ReportOptions.MaxRangeYears"/> years; FluentValidation's ValidationException for a bad range).
    /// </summary>
    public async Task<FhirResourceCounts> ExportBulkAsync(DateOnly? from, DateOnly? to, Guid userId, Stream output, CancellationToken cancellationToken = default)
    {
        var counts = new FhirResourceCounts();
        await reports.ExportAsync(
            FhirExports.Bulk, "ndjson", new ReportFilter { From = from, To = to }, userId, async (context, counter, ct) =>
            {
                var map = new FhirMapContext(options.Value, context.Zone, inBundle: false);
                var resources = FhirRecordWriter.Resources(queries, FhirScope.ForPeriod(context), map, counts, ct);
                await FhirJsonOutput.WriteNdjsonZipAsync(counter.Count(resources, ct), output, ct);
            }, counts.Describe, cancellationToken);
        return counts;
    }

    /// <summary>Checks the period before a page starts the download, so the messages can sit beside the fields.</summary>
    public Task<FluentValidation.Results.ValidationResult> ValidateBulkAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        reports.ValidateAsync(FhirExports.Bulk, new ReportFilter { From = from, To = to }, cancellationToken);
}
