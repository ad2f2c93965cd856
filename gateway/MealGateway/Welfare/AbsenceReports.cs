using LiteDB;
using MealGateway.Settlement;
using MealGateway.Storage;

namespace MealGateway.Welfare;

/// <summary>A day's absence counts as the county platform receives them (POST /v1/daily-absences, docs/county-api.md).</summary>
public sealed record DailyAbsences(
    string IdempotencyKey, string GatewayId, string Day, int RegularDays, int RegularWindow, string Cutoff,
    int Absent, int WithKnownReason, IReadOnlyList<SiteAbsences> Sites, DateTime FinalUtc);

/// <summary>One site's part: absent regulars without and with a known reason.</summary>
public sealed record SiteAbsences(string Site, int Absent, int WithKnownReason);

/// <summary>
/// Pushes each day's absence counts (常来未到, counts only: no ids, no names) to the county platform
/// through the statements' outbox, so they share its guarantees: the entry is written durably once
/// per day (idempotency key "{gatewayId}:absences:{day}", written only if absent), sent in order with
/// the key, retried on the schedule while the platform is down, and picked up again after a kill.
/// A day is final at 02:00 local the next day (FinalAfter, 26 hours after its start): the day is over, so every known reason a
/// site host enters that day counts, and terminals that were offline in the evening have had two
/// hours to upload. The count is then fixed: no revision is sent (a later check on an elder records
/// who went, it does not make them present; a meal uploaded days later is in GET /api/county/absences).
/// </summary>
public sealed class AbsenceReports(MealStore store, WelfareDesk desk, TimeProvider time, string gatewayId)
{
    public const string Kind = "absences";

    /// <summary>How long after local midnight a day's count is final.</summary>
    public static readonly TimeSpan FinalAfter = TimeSpan.FromHours(26);

    /// <summary>On the first run, how many finished days back are sent; later runs send every day since the newest sent.</summary>
    public const int FirstRunDays = 1;

    /// <summary>At most this many days are caught up in one run (a gateway down for longer sends the newest).</summary>
    public const int MaxCatchUpDays = 62;

    /// <summary>The newest day queued, read from the outbox once (one scan per process, not per settle pass).</summary>
    private string? newest;

    public static string KeyOf(string gatewayId, string day) => $"{gatewayId}:{Kind}:{day}";

    /// <summary>Writes an outbox entry for every day that became final and has none yet; returns how many were written.</summary>
    public int EnqueueDue()
    {
        var nowLocal = time.GetUtcNow().UtcDateTime.AddMinutes(store.UtcOffsetMinutes);
        var lastFinal = DateOnly.FromDateTime(nowLocal - FinalAfter);
        newest ??= store.Read(db => db.GetCollection<OutboxEntry>(SettlementStore.OutboxName)
            .Find(Query.EQ(nameof(OutboxEntry.Kind), Kind)).Select(e => e.Period).DefaultIfEmpty(null).Max(StringComparer.Ordinal));
        var first = newest is null ? lastFinal.AddDays(1 - FirstRunDays) : DateOnly.ParseExact(newest, "yyyy-MM-dd").AddDays(1);
        first = first < lastFinal.AddDays(1 - MaxCatchUpDays) ? lastFinal.AddDays(1 - MaxCatchUpDays) : first;
        int written = 0;
        for (var day = first; day <= lastFinal; day = day.AddDays(1))
        {
            written += Enqueue(day) ? 1 : 0;
            newest = day.ToString("yyyy-MM-dd");
        }

        return written;
    }

    private bool Enqueue(DateOnly date)
    {
        string day = date.ToString("yyyy-MM-dd");
        var list = desk.Absent(day);
        var setting = desk.SettingOn(date);
        string key = KeyOf(gatewayId, day);
        var sites = list.Lines.GroupBy(l => l.Site).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SiteAbsences(g.Key, g.Count(l => l.KnownReason is null), g.Count(l => l.KnownReason is not null))).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var message = new DailyAbsences(key, gatewayId, day, setting.RegularDays, setting.RegularWindow, list.Cutoff,
            sites.Sum(s => s.Absent), sites.Sum(s => s.WithKnownReason), sites, now);
        string body = System.Text.Json.JsonSerializer.Serialize(message, StatementJson.Options);
        return store.Durably(db =>
        {
            var outbox = db.GetCollection<OutboxEntry>(SettlementStore.OutboxName);
            if (outbox.Exists(Query.EQ(nameof(OutboxEntry.IdempotencyKey), key)))
            {
                return false;
            }

            outbox.Insert(new OutboxEntry
            {
                IdempotencyKey = key, Kind = Kind, Site = string.Empty, Period = day, Revision = 1, Body = body, CreatedUtc = now, NextAttemptUtc = now,
            });
            return true;
        });
    }
}
