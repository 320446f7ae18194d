using KapClinic.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;

namespace KapClinic.Web.Tests.Infrastructure;

public sealed class ClientAbortMiddlewareTests
{
    [Fact]
    public async Task A_request_the_client_abandoned_ends_as_499_without_an_exception()
    {
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        var middleware = new ClientAbortMiddleware(_ =>
        {
            aborted.Cancel();
            throw new OperationCanceledException(aborted.Token);
        });

        await middleware.InvokeAsync(context);

        Assert.Equal(ClientAbortMiddleware.ClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_while_the_client_is_still_there_is_a_fault_and_passes_on()
    {
        var context = new DefaultHttpContext();
        var middleware = new ClientAbortMiddleware(_ => throw new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => middleware.InvokeAsync(context));
    }

    [Fact]
    public async Task Any_other_exception_passes_on_even_when_the_client_left()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        var middleware = new ClientAbortMiddleware(_ => throw new InvalidOperationException("a bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(context));
    }
}
