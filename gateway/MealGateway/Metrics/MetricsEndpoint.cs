using System.Net;
using Prometheus;

namespace MealGateway.Metrics;

/// <summary>
/// GET /metrics in Prometheus text format. A scraper on the gateway machine itself (loopback)
/// needs no login; from any other address the request must carry an operator's bearer token
/// (`account token`, Prometheus's `authorization: credentials_file`). Nothing personal is in it.
/// </summary>
public static class MetricsEndpoint
{
    public static void Map(WebApplication app, GatewayMetrics metrics)
    {
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            if (!MayRead(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new { error = "只有本机或持有操作员令牌的请求可以读取 /metrics (loopback or a bearer token)" });
                return;
            }

            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        }).AllowAnonymous();
    }

    /// <summary>A scraper on this machine, or an operator with a token.</summary>
    public static bool MayRead(HttpContext context) =>
        IsLoopback(context.Connection.RemoteIpAddress) || context.User.Identity?.IsAuthenticated == true;

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
