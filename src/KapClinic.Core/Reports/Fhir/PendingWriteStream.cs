namespace KapClinic.Core.Reports.Fhir;

/// <summary>
/// Stands between a zip and a response body, which refuses synchronous writes: ZipArchive closes an entry with a few
/// synchronous writes (the data descriptor), so those bytes wait here and go out with the next asynchronous write or
/// flush. Only such small pieces wait; the entries' data passes straight through.
/// </summary>
public sealed class PendingWriteStream(Stream inner) : Stream
{
    private readonly MemoryStream pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
        // Nothing synchronous reaches the response: FlushAsync sends what waits.
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override void WriteByte(byte value) => pending.WriteByte(value);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await DrainAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (pending.Length > 0)
        {
            await inner.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
            pending.SetLength(0);
        }
    }
}
