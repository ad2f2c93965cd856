using MealGateway.Broker;
using MealGateway.Ingest;
using MealGateway.Storage;
using MealGateway.Tallies;
using MealGateway.Terminals;
using MealTerminal.Core.Meals;

namespace MealGateway.Web;

/// <summary>The gateway's HTTP API: daily tallies, terminal upload state and ingest health as JSON.</summary>
public static class GatewayApi
{
    public static void Map(WebApplication app, MealStore store, IngestWorker ingest, EmbeddedBroker? broker, MealPeriod[] periods)
    {
        app.MapGet("/api/tallies", (string? day) =>
        {
            if (day is null || !DateOnly.TryParseExact(day, "yyyy-MM-dd", out _))
            {
                return Results.BadRequest(new { error = "day must be given as yyyy-MM-dd" });
            }

            return Results.Ok(TallyReport.Rows(store.TalliesForDay(day), periods));
        });
        app.MapGet("/api/terminals", () => Results.Ok(TerminalList.Rows(store.Terminals(), ingest.Channels.Statuses)));
        app.MapGet("/api/health", () => Results.Ok(new
        {
            brokerConnected = ingest.IsConnected,
            batchesStored = ingest.BatchesStored,
            groupCommits = ingest.GroupCommits,
            storeFailures = ingest.StoreFailures,
            rejections = ingest.Rejections.ToDictionary(r => r.Key.ToString(), r => r.Value),
            otherRejections = ingest.RejectionCounts.OtherTotals,
            rejectionsByTerminal = ingest.RejectionCounts.ByTerminal(),
            brokerRefusals = broker?.Refusals.ToDictionary(r => r.Key, r => r.Value),
        }));
    }
}
