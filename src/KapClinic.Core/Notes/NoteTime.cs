namespace KapClinic.Core.Notes;

/// <summary>
/// PostgreSQL keeps microseconds; .NET keeps ticks (100 ns). Times that go into a content hash are cut to
/// microseconds before they are stored, so the value read back hashes the same as the value signed.
/// </summary>
public static class NoteTime
{
    public static DateTimeOffset ToStored(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
