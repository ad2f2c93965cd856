using MealGateway.Downloads;
using MealGateway.Ingest;

namespace MealGateway.Web;

/// <summary>
/// Font image upload (docs/formats.md "Font image"): the county's font for every terminal, county
/// operators only. The body is the .fnt file itself (made by MealTerminal.GlyphGen); an image with
/// any problem is refused whole and nothing is stored or offered.
/// </summary>
public static class FontImageApi
{
    public static void Map(WebApplication app, IngestWorker ingest) =>
        app.MapPost("/api/fontimage", (HttpRequest request) => Store(ingest, request)).RequireAuthorization(AccessPolicy.County);

    private static async Task<IResult> Store(IngestWorker ingest, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var image = FontImages.Import(ingest.Channels.Downloads.Images, body.ToArray(), "upload", DateTime.UtcNow, out string? problem);
        if (image is null)
        {
            return Results.BadRequest(new { error = "字库有问题，未保存", problems = new[] { problem } });
        }

        int announced = await ingest.AnnounceAsync(image);
        return Results.Ok(new { image = SiteFiles.Describe(image), offeredTo = announced });
    }
}
