using System.IO.Compression;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// Writes resources with Firely's System.Text.Json serializer: one Bundle as a JSON document, or NDJSON files per
/// resource type in a zip (Create mode writes forward only, so the zip streams to a response that cannot seek).
/// </summary>
public static class FhirJsonOutput
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async System.Threading.Tasks.Task WriteBundleAsync(Bundle bundle, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        await using var writer = new Utf8JsonWriter(output);
        FhirJsonSerializer.Default.Serialize(bundle, writer);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One "Type.ndjson" entry per type in <see cref="FhirResourceCounts.Types"/> (empty files too), each line one resource.</summary>
    public static async System.Threading.Tasks.Task WriteNdjsonZipAsync(IAsyncEnumerable<Resource> resources, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        await using var body = new PendingWriteStream(output);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await WriteEntriesAsync(zip, resources, cancellationToken);
        }

        await body.FlushAsync(cancellationToken);
    }

    private static async System.Threading.Tasks.Task WriteEntriesAsync(ZipArchive zip, IAsyncEnumerable<Resource> resources, CancellationToken cancellationToken)
    {
        var types = FhirResourceCounts.Types;
        var next = 0;
        Stream? entry = null;
        Utf8JsonWriter? writer = null;
        try
        {
            await foreach (var resource in resources.WithCancellation(cancellationToken))
            {
                if (writer is null || !string.Equals(types[next - 1], resource.TypeName, StringComparison.Ordinal))
                {
                    var index = IndexOf(resource.TypeName);
                    while (next <= index)
                    {
                        (entry, writer) = await OpenAsync(zip, types[next++], entry, writer, cancellationToken);
                    }
                }

                FhirJsonSerializer.Default.Serialize(resource, writer!);
                await writer!.FlushAsync(cancellationToken);
                await entry!.WriteAsync(NewLine, cancellationToken);
                writer.Reset();
            }

            while (next < types.Count)
            {
                (entry, writer) = await OpenAsync(zip, types[next++], entry, writer, cancellationToken);
            }
        }
        finally
        {
            await CloseAsync(entry, writer);
        }
    }

    private static int IndexOf(string type)
    {
        var index = FhirResourceCounts.Types.ToList().IndexOf(type);
        return index >= 0 ? index : throw new InvalidOperationException($"The export does not write {type} resources.");
    }

    private static async Task<(Stream Entry, Utf8JsonWriter Writer)> OpenAsync(
        ZipArchive zip, string type, Stream? entry, Utf8JsonWriter? writer, CancellationToken cancellationToken)
    {
        await CloseAsync(entry, writer);
        var opened = await zip.CreateEntry(type + ".ndjson", CompressionLevel.Fastest).OpenAsync(cancellationToken);
        return (opened, new Utf8JsonWriter(opened));
    }

    private static async System.Threading.Tasks.Task CloseAsync(Stream? entry, Utf8JsonWriter? writer)
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        if (entry is not null)
        {
            await entry.DisposeAsync();
        }
    }
}
