namespace MealGateway.Tests.County;

/// <summary>
/// Client side of the stand-in's marked Timeout fault: an answer carrying the NoAnswerHeader is
/// thrown away and reported the way HttpClient reports its own timeout, so the forwarder sees
/// "applied, no answer" at once instead of after a race between two real timers.
/// </summary>
public sealed class NoAnswerHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.Contains(CountyStandIn.NoAnswerHeader))
        {
            response.Dispose();
            throw new TaskCanceledException("no answer within the client's timeout", new TimeoutException());
        }

        return response;
    }
}
