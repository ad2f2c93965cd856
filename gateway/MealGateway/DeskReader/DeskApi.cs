using MealGateway.Accounts;
using MealTerminal.Drivers.CardReader;

namespace MealGateway.DeskReader;

/// <summary>
/// GET /api/desk/taps: the enrolment desk's last taps (card in the roster's 卡号 form) and the reader's
/// health, for a township (or county) operator binding cards to elders. 404 when the gateway was
/// started without --desk-reader.
/// </summary>
public static class DeskApi
{
    public static void Map(WebApplication app, DeskTaps? taps, Func<ReaderHealth?> readerHealth)
    {
        app.MapGet("/api/desk/taps", () =>
        {
            if (taps is null || readerHealth() is not { } health)
            {
                return Results.NotFound(new { error = "本网关未启用发卡读卡器（启动时加 --desk-reader spi0.0）" });
            }

            return Results.Ok(new
            {
                reader = new { health.Healthy, health.ReinitCount, health.FailedReinitCount, health.CardErrors, health.RandomUids },
                taps = taps.Recent().Select(t => new
                {
                    card = t.CardHex, t.UidLength, t.RandomUid, t.AtUtc,
                    note = t.RandomUid ? "随机卡号（手机等），不能登记" : null,
                }),
            });
        }).RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(
            OperatorAccount.RoleName(OperatorRole.Township), OperatorAccount.RoleName(OperatorRole.County)));
    }
}
