namespace MealGateway.Settlement;

/// <summary>Kinds of statement: a site's day (daily tally) or a site's month (monthly statement).</summary>
public static class StatementKind
{
    public const string Daily = "daily";
    public const string Monthly = "monthly";
}

/// <summary>Money and meals added up; all amounts in fen.</summary>
public sealed record Totals(int Meals, long PriceFen, long SubsidyFen, long CoPaymentFen)
{
    public static readonly Totals Zero = new(0, 0, 0, 0);

    public Totals Add(int meals, long priceFen, long subsidyFen, long coPaymentFen) =>
        new(Meals + meals, PriceFen + priceFen, SubsidyFen + subsidyFen, CoPaymentFen + coPaymentFen);
}

/// <summary>Meals of one day, meal period and elder category at a site, priced by the policy in force that day.</summary>
public sealed record StatementRow(
    string Day, int Period, string PeriodName, int Category, string CategoryName,
    int Meals, long PriceFen, long SubsidyFen, long CoPaymentFen);

/// <summary>
/// Meals delivered to the door (送餐上门) of one day, meal period and category: already counted in the
/// statement's rows (the meal is paid like any other); here the delivery fee on top, by the policy's
/// delivery line in force that day (zero when it has none).
/// </summary>
public sealed record DeliveryRow(
    string Day, int Period, string PeriodName, int Category, string CategoryName, int Meals, long FeeFen, long SubsidyFen, long CoPaymentFen);

/// <summary>One delivery round: its terminal, number (the start marker's sequence), courier, day and meals delivered.</summary>
public sealed record RoundLine(string Terminal, long Round, long Courier, string? Day, int Delivered, int Unregistered, bool Ended);

/// <summary>One elder's meals in the statement, for audit: the days of each meal period and the money.</summary>
public sealed record ElderLine(
    long ElderId, int Category, string CategoryName, int Meals, int[][] DaysByPeriod, long SubsidyFen, long CoPaymentFen);

/// <summary>How one row changed from the revision before.</summary>
public sealed record StatementChange(
    string Day, int Period, string PeriodName, int Category, string CategoryName,
    int MealsBefore, int MealsAfter, long SubsidyBeforeFen, long SubsidyAfterFen);

/// <summary>An anomaly listed beside a statement for review; it does not change the amounts.</summary>
public sealed record AnomalyLine(
    string Kind, string Label, string? Day, int Period, long ElderId, string Terminal, long Sequence, string CardHex, string Detail);

/// <summary>
/// A settled statement revision: what a site is owed for a day or a month, per day, period and
/// category and per elder, at the policy in force each day. A new revision is made only when the
/// amounts change (late records), and says what changed.
/// </summary>
public sealed class Statement
{
    public string Kind { get; init; } = StatementKind.Monthly;
    public string Site { get; init; } = string.Empty;

    /// <summary>yyyy-MM for a monthly statement, yyyy-MM-dd for a daily tally.</summary>
    public string Period { get; init; } = string.Empty;
    public int Revision { get; set; }

    /// <summary>The revision this one replaces; 0 for the first.</summary>
    public int Supersedes { get; set; }
    public DateTime GeneratedUtc { get; set; }

    /// <summary>SHA-256 of the rows and elder lines: equal digests mean equal amounts.</summary>
    public string Digest { get; set; } = string.Empty;

    /// <summary>gateway id + site + period + revision: the county platform applies each key once.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;
    public Totals Totals { get; init; } = Totals.Zero;
    public List<StatementRow> Rows { get; init; } = [];
    public List<ElderLine> Elders { get; init; } = [];
    public List<StatementChange> Changes { get; set; } = [];
    public List<AnomalyLine> Anomalies { get; init; } = [];

    /// <summary>Records of the site still without a place in time: held out of this statement.</summary>
    public int PendingRecords { get; init; }

    /// <summary>
    /// Meals beyond an elder's limit in one (day, period) counted here after one paid first
    /// (docs/settlement.md, "Held meals"): listed with their status and amounts; only approved
    /// ones are in the rows, elder lines and totals. Not sent to the county.
    /// </summary>
    public List<HeldMeal> Held { get; init; } = [];

    /// <summary>Meals and amounts held awaiting a decision: not in Totals.</summary>
    public Totals HeldTotals { get; init; } = Totals.Zero;

    /// <summary>Delivered meals apart (docs/settlement.md, "Home delivery"): the delivery fee per day, period and category.</summary>
    public List<DeliveryRow> Deliveries { get; init; } = [];

    /// <summary>The delivery rounds of the statement's days, per terminal and courier.</summary>
    public List<RoundLine> Rounds { get; init; } = [];

    /// <summary>Delivered meals and their fees: Meals, fee (as PriceFen), subsidy and co-payment of the fee. Not in Totals.</summary>
    public Totals DeliveryTotals { get; init; } = Totals.Zero;
}
