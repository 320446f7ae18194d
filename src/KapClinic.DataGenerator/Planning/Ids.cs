namespace KapClinic.DataGenerator.Planning;

/// <summary>Version 7 UUIDs from a given time and the run's random numbers: time-ordered (index-friendly) and reproducible.</summary>
internal static class Ids
{
    public static Guid At(DateTime utc, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = (ulong)new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
