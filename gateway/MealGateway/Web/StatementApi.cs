using MealGateway.Settlement;
using MealGateway.Storage;

namespace MealGateway.Web;

/// <summary>
/// Statements, exports, pending records, anomalies, settlement and the outbox over HTTP (docs/county-api.md
/// lists the JSON). Each names one site and needs AccessPolicy.ReadSite; settling and the outbox are the county's.
/// </summary>
public static class StatementApi
{
    public static void Map(WebApplication app, MealStore store, SettlementService settlement)
    {
        var statements = settlement.Statements;
        app.MapGet("/api/statements/{site}/{month}", (string site, string month, int? revision) =>
            !IsMonth(month) ? BadMonth(month) : Found(statements.Revision(StatementKind.Monthly, site, month, revision), site, month)).RequireAuthorization(AccessPolicy.ReadSite);
        app.MapGet("/api/statements/{site}/{month}/revisions", (string site, string month) =>
            !IsMonth(month) ? BadMonth(month) : Results.Ok(statements.Revisions(StatementKind.Monthly, site, month).Select(s => new
            {
                s.Revision, s.Supersedes, s.GeneratedUtc, s.Totals, s.Changes, s.IdempotencyKey,
            }))).RequireAuthorization(AccessPolicy.ReadSite);
        app.MapGet("/api/statements/{site}/{month}/{format}", (string site, string month, string format, int? revision, string? table) =>
        {
            if (!IsMonth(month))
            {
                return BadMonth(month);
            }

            var statement = statements.Revision(StatementKind.Monthly, site, month, revision);
            if (statement is null)
            {
                return NotFound(site, month);
            }

            string? known = table is "elders" or "held" or "deliveries" ? table : null;
            return format switch
            {
                "csv" => Results.File(StatementExport.Csv(statement, table == "elders", table == "held", table == "deliveries"), "text/csv; charset=utf-8", StatementExport.FileName(statement, "csv", known)),
                "xlsx" => Results.File(StatementExport.Xlsx(statement), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StatementExport.FileName(statement, "xlsx", null)),
                _ => Results.BadRequest(new { error = $"不支持的格式 '{format}'，应为 csv 或 xlsx" }),
            };
        }).RequireAuthorization(AccessPolicy.ReadSite);
        app.MapGet("/api/daily/{site}/{day}", (string site, string day, int? revision) =>
            !DateOnly.TryParseExact(day, "yyyy-MM-dd", out _)
                ? Results.BadRequest(new { error = $"日期 '{day}' 无效，应为 yyyy-MM-dd" })
                : Found(statements.Revision(StatementKind.Daily, site, day, revision), site, day)).RequireAuthorization(AccessPolicy.ReadSite);
        app.MapPost("/api/settle", (string? month, string? site) =>
        {
            if (month is null || !IsMonth(month))
            {
                return BadMonth(month ?? string.Empty);
            }

            if (settlement.NotBegun(month) is { } refusal)
            {
                return Results.BadRequest(new { error = refusal });
            }

            var report = settlement.SettleMonth(month, site, out string problem);
            return report is null
                ? Results.Json(new { error = problem }, statusCode: 409)
                : Results.Ok(new { revisions = report.Revisions.Select(r => new { r.Kind, r.Site, r.Period, r.Revision }), report.Unchanged, report.Problems });
        }).RequireAuthorization(AccessPolicy.County);
        app.MapGet("/api/pending", (string? site) => Results.Ok(store.PendingRecords(site).Select(r => new
        {
            r.Site, r.Terminal, r.Sequence, r.BootCount, millisecondsSinceBoot = r.Time, r.ElderId, r.Verdict,
        }))).RequireAuthorization(AccessPolicy.ReadSite);
        app.MapGet("/api/anomalies", (string? month, string? site) =>
            month is null || !IsMonth(month) ? BadMonth(month ?? string.Empty) : Results.Ok(SettlementInputs.Anomalies(store, month, site).Select(a => new
            {
                a.Line.Kind, a.Line.Label, a.Site, a.Line.Terminal, a.Line.Sequence, a.Line.Day, a.Line.Period, a.Line.ElderId, a.Line.CardHex, a.Line.Detail,
            }))).RequireAuthorization(AccessPolicy.ReadSite);
        ReviewApi.Map(app, new ReviewDesk(store, settlement.Time));
        WelfareApi.Map(app, settlement.Welfare);
        app.MapGet("/api/outbox", () =>
        {
            var (pending, delivered) = statements.OutboxCounts();
            return Results.Ok(new
            {
                pending, delivered, forwarding = settlement.Forwarder is not null, lastError = settlement.Forwarder?.LastError,
                policyProblem = settlement.PolicyProblem,
                entries = statements.Pending().Select(e => new { e.IdempotencyKey, e.Kind, e.Site, e.Period, e.Revision, e.Attempts, e.NextAttemptUtc, e.LastError }),
            });
        }).RequireAuthorization(AccessPolicy.County);
    }

    private static bool IsMonth(string month) => DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out _) && month.Length == 7;

    private static IResult BadMonth(string month) => Results.BadRequest(new { error = $"月份 '{month}' 无效，应为 yyyy-MM" });

    private static IResult NotFound(string site, string period) => Results.NotFound(new { error = $"站点 {site} {period} 还没有结算单" });

    private static IResult Found(Statement? statement, string site, string period) =>
        statement is null ? NotFound(site, period) : Results.Text(StatementJson.Write(statement), "application/json; charset=utf-8");
}
