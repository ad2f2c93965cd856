using MealGateway.Settlement;

namespace MealGateway.Web;

/// <summary>A decision on a held meal: approve (paid as an extra meal) or reject (not paid), with why; who is the logged-in operator.</summary>
public sealed record ReviewRequest(string? Decision, string? Reason);

/// <summary>Held meals and the operator's decisions over HTTP (docs/settlement.md, "Held meals").</summary>
public static class ReviewApi
{
    public static void Map(WebApplication app, ReviewDesk desk)
    {
        app.MapGet("/api/reviews", (string? month, string? site) =>
            month is not { Length: 7 } || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out _)
                ? Results.BadRequest(new { error = $"月份 '{month}' 无效，应为 yyyy-MM" })
                : Results.Ok(desk.Held(month, site).Select(h => new
                {
                    h.Id, h.Site, h.Terminal, h.Sequence, h.ElderId, h.Category, h.Day, h.Period, h.PlacedUtc, h.PaidFirst,
                    h.Status, label = HeldMeal.Label(h.Status), h.DecidedBy, h.DecidedUtc, h.Reason,
                }))).RequireAuthorization(AccessPolicy.ReadSite);

        // The id is the record's key, "{site}/{terminal}/{sequence:D10}": slashes and all.
        // The decision is recorded under the logged-in county operator's name.
        app.MapPost("/api/reviews/{**id}", (string id, ReviewRequest request, HttpContext context) =>
        {
            var result = desk.Decide(id, request.Decision, request.Reason, OperatorAuthentication.Of(context)!.Id);
            return result.Outcome switch
            {
                ReviewOutcome.Decided => Results.Ok(new { message = result.Message }),
                ReviewOutcome.UnknownId => Results.NotFound(new { error = result.Message }),
                ReviewOutcome.AlreadyDecided => Results.Conflict(new { error = result.Message }),
                _ => Results.BadRequest(new { error = result.Message }),
            };
        }).RequireAuthorization(AccessPolicy.County);
    }
}
