using System.Buffers;

namespace KapClinic.Core.Exports;

/// <summary>
/// A write-only, non-seekable stream for writers that only write synchronously (a zip package): it keeps what they
/// write until <see cref="DrainAsync"/> passes it on to the real output asynchronously (a web response refuses
/// synchronous writes). The caller drains every few rows, so memory stays at one batch whatever the row count.
/// </summary>
internal sealed class PumpStream(Stream output) : Stream
{
    private readonly ArrayBufferWriter<byte> pending = new(64 * 1024);
    private long written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    /// <summary>How many bytes wait to be drained.</summary>
    public int Pending => pending.WrittenCount;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        buffer.CopyTo(pending.GetSpan(buffer.Length));
        pending.Advance(buffer.Length);
        written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (pending.WrittenCount == 0)
        {
            return;
        }

        await output.WriteAsync(pending.WrittenMemory, cancellationToken);
        pending.ResetWrittenCount();
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
