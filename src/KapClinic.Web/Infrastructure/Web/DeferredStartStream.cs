namespace KapClinic.Web.Infrastructure.Web;

/// <summary>
/// Holds a download's first bytes back until there are <see cref="Threshold"/> of them (or the writer finishes), so the
/// response starts only once the export's query has run and its first rows are out. A database fault before that
/// still reaches the error page (a friendly 503) instead of cutting a download that had already begun.
/// </summary>
public sealed class DeferredStartStream(Stream inner) : Stream
{
    public const int Threshold = 64 * 1024;

    private MemoryStream? pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (pending is null)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        pending.Write(buffer.Span);
        if (pending.Length >= Threshold)
        {
            await ReleaseAsync(cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>A flush before the threshold is held back too: the writer's flushes must not start the response early.</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        pending is null ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Sends what is held back; called when the writer has finished (a small file is sent whole).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await ReleaseAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override void Flush() => throw new NotSupportedException("Writes are asynchronous.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Writes are asynchronous.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending?.Dispose();
            pending = null;
        }

        base.Dispose(disposing);
    }

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (pending is null)
        {
            return;
        }

        var held = pending;
        pending = null;
        held.Position = 0;
        await held.CopyToAsync(inner, cancellationToken);
        await held.DisposeAsync();
    }
}
