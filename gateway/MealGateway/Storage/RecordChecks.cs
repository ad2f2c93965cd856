using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>
/// Records no working terminal makes (issue 13 item 10). They are stored and acknowledged - a
/// refused batch would be sent again forever and hold back every record behind it - but never
/// counted: each gets an anomaly naming the reason, for review (docs/settlement.md, "Anomalies").
/// </summary>
internal static class RecordChecks
{
    /// <summary>A record this far ahead of the gateway's clock cannot be a real tap (terminals take their time from the gateway).</summary>
    public const long MaxAheadSeconds = 24 * 3600;

    /// <summary>
    /// A record this far behind the gateway's clock is from a terminal clock in the wrong decade
    /// (the RTC holds any year of its century), not from a backlog.
    /// </summary>
    public const long MaxBehindSeconds = 10L * 365 * 24 * 3600;

    /// <summary>Nothing was served before the first deployment: record seconds of 2025-01-01T00:00Z.</summary>
    public static readonly long FirstDeployment = LocalTime.ToRecordSeconds(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The reason a record is impossible whatever configuration made it, or null: an unknown verdict code, an elder id beyond 24 bits.</summary>
    public static (string Kind, string Detail)? Impossible(StoredRecord record)
    {
        if (!IsRecordedVerdict(record.Verdict))
        {
            return (AnomalyKind.UnknownVerdict, $"刷卡结果代码 {record.Verdict} 不是终端会记录的代码，未计入统计");
        }

        if (record.ElderId > RecordCodec.MaxElderId) // the ledger slot holds 24 bits (docs/formats.md), whatever the record
        {
            return (AnomalyKind.ElderIdOutOfRange, $"老人编号 {record.ElderId} 超出 24 位范围（最大 {RecordCodec.MaxElderId}），未计入统计");
        }

        return null;
    }

    /// <summary>Why a record's wall time cannot be right, or null.</summary>
    public static string? ImplausibleTime(long recordSeconds, DateTime receivedUtc)
    {
        long now = LocalTime.ToRecordSeconds(receivedUtc);
        if (recordSeconds > now + MaxAheadSeconds)
        {
            return $"记录时间比网关时间晚 {(recordSeconds - now) / 86400} 天，未计入统计";
        }

        return recordSeconds < now - MaxBehindSeconds || recordSeconds < FirstDeployment
            ? $"记录时间比网关时间早 {(now - recordSeconds) / 86400} 天，早于系统启用，未计入统计"
            : null;
    }

    /// <summary>Codes a terminal stores in its ledger (docs/verdicts.md); 8 and 10 are shown but never stored, 15 marks a card key slot.</summary>
    private static bool IsRecordedVerdict(int verdict) => verdict switch
    {
        >= VerdictCode.Accepted and <= VerdictCode.ElderDeceased => true,
        VerdictCode.AcceptedStorageLow or VerdictCode.RandomUid or VerdictCode.CardNotValid => true,
        VerdictCode.ClockSet or VerdictCode.ConfigSwitch or VerdictCode.DeliveryRound => true,
        _ => false,
    };
}
