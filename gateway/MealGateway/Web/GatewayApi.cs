using MealGateway.Broker;
using MealGateway.Downloads;
using MealGateway.Ingest;
using MealGateway.Policy;
using MealGateway.Storage;
using MealGateway.Tallies;
using MealGateway.Terminals;

namespace MealGateway.Web;

/// <summary>
/// The gateway's HTTP API: daily tallies, terminal upload state and ingest health as JSON. Lists show
/// an operator only the sites it may read; /api/health stays open and names no elder.
/// </summary>
public static class GatewayApi
{
    public static void Map(WebApplication app, MealStore store, IngestWorker ingest, EmbeddedBroker? broker, Func<SubsidyPolicy?> policy, NameDisplay names = NameDisplay.Masked)
    {
        app.MapGet("/api/tallies", (string? day, HttpContext context) =>
        {
            if (day is null || !DateOnly.TryParseExact(day, "yyyy-MM-dd", out _))
            {
                return Results.BadRequest(new { error = "day must be given as yyyy-MM-dd" });
            }

            return Results.Ok(TallyReport.Rows(store.TalliesForDay(day), store.Periods).Where(r => Readable(context, r.Site)));
        }).RequireAuthorization(AccessPolicy.Operator);
        app.MapGet("/api/terminals", (HttpContext context) =>
            Results.Ok(TerminalList.Rows(store.Terminals(), ingest.Channels.Statuses).Where(r => Readable(context, r.Site)))).RequireAuthorization(AccessPolicy.Operator);
        foreach (string kind in new[] { "roster", "config" })
        {
            app.MapPost($"/api/{kind}s/{{site}}", async (string site, HttpRequest request) =>
            {
                // The file as uploaded: a roster may be CSV (UTF-8 or GB18030) or .xlsx (Downloads/RosterTable).
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                string name = request.Query["name"].FirstOrDefault() is { Length: > 0 and <= 100 } given ? Path.GetFileName(given) : kind;
                var image = SiteFiles.Import(ingest.Channels.Downloads.Images, kind, site, body.ToArray(), name, DateTime.UtcNow, policy(), out var problems, names);
                if (image is null)
                {
                    return Results.BadRequest(new { error = "文件有问题，未保存", problems });
                }

                int announced = await ingest.AnnounceAsync(image);
                return Results.Ok(new { image = SiteFiles.Describe(image), offeredTo = announced });
            }).RequireAuthorization(AccessPolicy.ManageSite);
        }

        VoicePackApi.Map(app, ingest);
        FontImageApi.Map(app, ingest);

        // After review of a terminal refused as an identity conflict: take its new ledger epoch
        // (docs/settlement.md). The acceptance is recorded under the logged-in operator's name.
        app.MapPost("/api/terminals/{site}/{terminal}/reset-epoch", (string site, string terminal, HttpContext context) =>
        {
            string by = OperatorAuthentication.Of(context)!.Id;
            var acceptance = store.AcceptEpoch(site, terminal, by, DateTime.UtcNow);
            return acceptance.Status switch
            {
                EpochAcceptanceStatus.Accepted => Results.Ok(acceptance.Change),
                EpochAcceptanceStatus.NoSuchTerminal => Results.NotFound(new { error = "没有该终端的上传记录" }),
                _ => Results.Conflict(new { error = "该终端没有待处理的身份冲突" }),
            };
        }).RequireAuthorization(AccessPolicy.ManageSite);

        app.MapGet("/api/downloads", (HttpContext context) => Results.Ok(ingest.Channels.Downloads.Images.All()
            .Where(i => Readable(context, i.Site)).Select(SiteFiles.Describe))).RequireAuthorization(AccessPolicy.Operator);
        app.MapGet("/api/health", () => Results.Ok(new
        {
            brokerConnected = ingest.IsConnected,
            batchesStored = ingest.BatchesStored,
            groupCommits = ingest.GroupCommits,
            storeFailures = ingest.StoreFailures,
            rejections = ingest.Rejections.ToDictionary(r => r.Key.ToString(), r => r.Value),
            otherRejections = ingest.RejectionCounts.OtherTotals,
            rejectionsByTerminal = ingest.RejectionCounts.ByTerminal(),
            terminalsInIdentityConflict = store.Terminals().Where(t => t.ConflictEpoch is not null).Select(t => t.Id),
            brokerRefusals = broker?.Refusals.ToDictionary(r => r.Key, r => r.Value),
            brokerRefusalsByTerminal = broker?.RefusalsByTerminal(),
        })).AllowAnonymous();
    }

    private static bool Readable(HttpContext context, string site) => OperatorAuthentication.Of(context)?.MayRead(site) == true;
}
