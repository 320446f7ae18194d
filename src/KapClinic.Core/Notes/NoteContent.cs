using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KapClinic.Core.Notes;

/// <summary>
/// The canonical form of a note's clinical fields, and its SHA-256. Canonical: a JSON object whose keys are the
/// field names in ordinal order, every value a string (times in UTC ISO 8601 to the microsecond, numbers in the
/// invariant culture, lists in the order given), text exactly as stored. Null and empty values are left out, so a
/// later optional field that an older note never had does not change that note's hash.
/// </summary>
public sealed class NoteContent
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SortedDictionary<string, object> fields = new(StringComparer.Ordinal);

    public NoteContent Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Put(name, value);
        }

        return this;
    }

    public NoteContent Add(string name, Guid? value) => Add(name, value?.ToString("D"));

    public NoteContent Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public NoteContent Add(string name, bool value) => Add(name, value ? "true" : "false");

    public NoteContent Add(string name, DateTimeOffset? value) =>
        Add(name, value is { } v ? NoteTime.ToStored(v).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) : null);

    public NoteContent Add<TEnum>(string name, TEnum? value)
        where TEnum : struct, Enum => Add(name, value?.ToString());

    public NoteContent AddList(string name, IEnumerable<string> values)
    {
        var list = values.ToArray();
        if (list.Length > 0)
        {
            Put(name, list);
        }

        return this;
    }

    /// <summary>The canonical JSON text (what is hashed).</summary>
    public string ToCanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, field) in fields)
            {
                if (field is string value)
                {
                    writer.WriteString(name, value);
                    continue;
                }

                writer.WriteStartArray(name);
                foreach (var item in (string[])field)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>SHA-256 of the canonical JSON's UTF-8 bytes, as 64 lowercase hex digits.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson())));

    private void Put(string name, object value)
    {
        if (!fields.TryAdd(name, value))
        {
            throw new InvalidOperationException($"The field '{name}' is already in the note's content.");
        }
    }
}
