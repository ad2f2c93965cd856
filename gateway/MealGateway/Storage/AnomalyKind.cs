using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>Kinds of anomaly listed for review, with the Chinese label reports show.</summary>
public static class AnomalyKind
{
    public const string UnknownCard = "unknown-card";
    public const string BlockedCard = "blocked-card";
    public const string RandomUid = "random-uid";
    public const string OutsidePeriod = "outside-period";
    public const string PlacedOutsidePeriod = "placed-outside-period";
    public const string ClockJump = "clock-jump";
    public const string TwoSites = "two-sites";
    public const string RepeatAtSite = "repeat-at-site";
    public const string UnknownCategory = "unknown-category";
    public const string UnknownVerdict = "unknown-verdict";
    public const string ElderIdOutOfRange = "elder-id-out-of-range";
    public const string UnknownPeriod = "unknown-period";
    public const string ImplausibleTime = "implausible-time";
    public const string UnknownConfig = "unknown-config";
    public const string LateConfigSwitch = "late-config-switch";

    /// <summary>A sequence the terminal's ledger holds but could not read back, sent as a gap record (no meal).</summary>
    public const string LedgerGap = "ledger-gap";
    public const string IdentityConflict = "identity-conflict";

    /// <summary>A meal delivered to an elder the roster does not register for home delivery: counted, listed for review.</summary>
    public const string DeliveryUnregistered = "delivery-unregistered";

    /// <summary>A door record with no round start marker before it (a marker lost or malformed): counted, listed.</summary>
    public const string DeliveryWithoutRound = "delivery-without-round";

    public static string ChineseLabel(string kind) => kind switch
    {
        UnknownCard => "未登记卡刷卡",
        BlockedCard => "停用、挂失、已故或过期卡刷卡",
        RandomUid => "随机卡号（手机等）刷卡",
        OutsidePeriod => "非供餐时段刷卡",
        PlacedOutsidePeriod => "无时钟记录推算后不在供餐时段",
        ClockJump => "终端时钟跳变",
        TwoSites => "同一老人同一餐次在两个站点计餐",
        RepeatAtSite => "同一老人同一餐次在本站重复计餐",
        UnknownCategory => "老人类别无效",
        LedgerGap => "终端记录损坏无法读出（已跳过）",
        UnknownVerdict => "未知刷卡结果代码",
        ElderIdOutOfRange => "老人编号超出范围",
        UnknownPeriod => "餐别不在终端当时的配置内",
        ImplausibleTime => "记录时间与网关时间相差过大",
        UnknownConfig => "终端配置版本不是网关发出的",
        LateConfigSwitch => "配置切换记录晚于其后的记录到达",
        IdentityConflict => "终端身份冲突（更换或清空的终端）",
        DeliveryUnregistered => "送餐给未登记送餐的老人",
        DeliveryWithoutRound => "送餐记录找不到所属送餐轮次",
        _ => kind,
    };

    /// <summary>The anomaly a tap verdict raises by itself, or null.</summary>
    public static string? OfVerdict(int verdict) => verdict switch
    {
        VerdictCode.UnknownCard => UnknownCard,
        VerdictCode.CardSuspended or VerdictCode.CardLost or VerdictCode.ElderDeceased or VerdictCode.CardNotValid => BlockedCard,
        VerdictCode.RandomUid => RandomUid,
        VerdictCode.OutsidePeriod => OutsidePeriod,
        _ => null,
    };

    public static string VerdictName(int verdict) => verdict switch
    {
        VerdictCode.UnknownCard => "卡未登记，可为老人办理登记",
        VerdictCode.RandomUid => "卡号每次不同，无法识别身份",
        VerdictCode.OutsidePeriod => "刷卡时不在任何供餐时段",
        VerdictCode.CardSuspended => "卡已停用",
        VerdictCode.CardLost => "卡已挂失",
        VerdictCode.ElderDeceased => "老人已故",
        VerdictCode.CardNotValid => "卡不在有效期",
        _ => string.Empty,
    };
}
