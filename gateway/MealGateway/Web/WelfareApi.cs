using MealGateway.Welfare;

namespace MealGateway.Web;

/// <summary>A known reason an elder does not come, entered by the site host.</summary>
public sealed record AbsenceRequest(long ElderId, string? From, string? To, string? Reason);

/// <summary>A check on an absent elder: the day of the absence and what was found.</summary>
public sealed record VisitRequest(long ElderId, string? Day, string? Outcome);

/// <summary>The welfare check (常来未到) over HTTP (docs/welfare.md): the day's absent list, known reasons, checks.</summary>
public static class WelfareApi
{
    public static void Map(WebApplication app, WelfareDesk desk)
    {
        app.MapGet("/api/welfare", (string? day, string? site) =>
            !WelfareDesk.IsDay(day)
                ? Results.BadRequest(new { error = $"日期 '{day}' 无效，应为 yyyy-MM-dd" })
                : Results.Ok(desk.Absent(day!, site))).RequireAuthorization(AccessPolicy.ReadSite);

        app.MapPost("/api/welfare/{site}/absences", (string site, AbsenceRequest request, HttpContext context) =>
            desk.EnterAbsence(site, request.ElderId, request.From, request.To, request.Reason, OperatorAuthentication.Of(context)!.Id) is { } problem
                ? Results.BadRequest(new { error = problem })
                : Results.Ok(new { message = "已登记" })).RequireAuthorization(AccessPolicy.ReadSite); // the site host enters them

        app.MapPost("/api/welfare/{site}/visits", (string site, VisitRequest request, HttpContext context) =>
            desk.RecordVisit(site, request.Day, request.ElderId, request.Outcome, OperatorAuthentication.Of(context)!.Id) is { } problem
                ? Results.BadRequest(new { error = problem })
                : Results.Ok(new { message = "已记录探访" })).RequireAuthorization(AccessPolicy.ReadSite);

        // County-wide daily counts of absent regulars (without known reasons): what the county platform reads.
        app.MapGet("/api/county/absences", (string? month) =>
            month is not { Length: 7 } || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out _)
                ? Results.BadRequest(new { error = $"月份 '{month}' 无效，应为 yyyy-MM" })
                : Results.Ok(desk.DailyCounts(month).Select(d => new { day = d.Day, absent = d.Absent }))).RequireAuthorization(AccessPolicy.County);
    }
}
