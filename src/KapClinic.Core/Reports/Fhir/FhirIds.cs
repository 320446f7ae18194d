using System.Security.Cryptography;
using System.Text;

namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// Resource ids: the record's own Guid where one record makes one resource, otherwise a name-based UUID (version 5,
/// RFC 9562) from the record's id and a part name ("bp", "hr"), so an export gives the same ids every time.
/// </summary>
public static class FhirIds
{
    public static string Of(Guid id) => id.ToString();

    public static string Derived(Guid source, string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var name = Encoding.UTF8.GetBytes(part);
        var data = new byte[16 + name.Length];
        source.TryWriteBytes(data, bigEndian: true, out _);
        name.CopyTo(data, 16);
#pragma warning disable CA5350 // SHA-1 is what a version 5 UUID is defined with; it names, it does not protect.
        var hash = SHA1.HashData(data);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
