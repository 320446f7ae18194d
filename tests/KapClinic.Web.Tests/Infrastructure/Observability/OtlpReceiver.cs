using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KapClinic.Web.Tests.Infrastructure.Observability;

/// <summary>A stand-in OpenTelemetry collector on loopback: keeps the body of every OTLP/HTTP POST by path.</summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> received = new();
    private readonly Task loop;

    public OtlpReceiver()
    {
        var port = KapClinic.TestSupport.LoopbackPort.Free();
        BaseAddress = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseAddress + "/");
        listener.Start();
        loop = Task.Run(ReceiveAsync);
    }

    public string BaseAddress { get; }

    /// <summary>The bodies POSTed to a path (e.g. /v1/traces), as text: OTLP protobuf keeps names and strings as UTF-8.</summary>
    public IReadOnlyList<string> Bodies(string path) =>
        [.. received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body))];

    public void Dispose()
    {
        listener.Close();
        _ = loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
