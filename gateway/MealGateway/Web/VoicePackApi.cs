using MealGateway.Downloads;
using MealGateway.Ingest;

namespace MealGateway.Web;

/// <summary>
/// Voice pack upload (docs/voice.md): the county's pack for every site (county operators), or a
/// site's own pack (the site's township operator). The body is the pack file itself; a pack with
/// any problem is refused whole and nothing is stored or offered.
/// </summary>
public static class VoicePackApi
{
    public static void Map(WebApplication app, IngestWorker ingest)
    {
        app.MapPost("/api/voicepacks/{site}", (string site, HttpRequest request) => Store(ingest, site, request)).RequireAuthorization(AccessPolicy.ManageSite);
        app.MapPost("/api/voicepacks", (HttpRequest request) => Store(ingest, null, request)).RequireAuthorization(AccessPolicy.County);
    }

    private static async Task<IResult> Store(IngestWorker ingest, string? site, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var image = VoicePacks.Import(ingest.Channels.Downloads.Images, site, body.ToArray(), DateTime.UtcNow, out string? problem);
        if (image is null)
        {
            return Results.BadRequest(new { error = "语音包有问题，未保存", problems = new[] { problem } });
        }

        int announced = await ingest.AnnounceAsync(image);
        return Results.Ok(new { image = SiteFiles.Describe(image), offeredTo = announced });
    }
}
