namespace MealGateway.Policy;

/// <summary>The scope of a policy line: one site, or every site (<see cref="AllSites"/>).</summary>
public static class PolicyScope
{
    public const string AllSites = "*";
}

/// <summary>A site's price for one meal of a period from a date on (line <c>price</c>).</summary>
public sealed record MealPrice(DateOnly From, string Scope, int Period, long PriceFen, int Line);

/// <summary>
/// For one elder category and meal period, from a date on: what the government subsidises and
/// what the elder pays per meal (line <c>subsidy</c>).
/// </summary>
public sealed record SubsidyRate(DateOnly From, string Scope, int Category, int Period, long SubsidyFen, long CoPaymentFen, int Line);

/// <summary>
/// For one elder category, from a date on: the fee for a meal delivered to the door (送餐费), split into
/// what the government pays and what the elder pays (line <c>delivery</c>; fee = subsidy + co-payment).
/// </summary>
public sealed record DeliveryRate(DateOnly From, string Scope, int Category, long SubsidyFen, long CoPaymentFen, int Line)
{
    public long FeeFen => SubsidyFen + CoPaymentFen;
}

/// <summary>
/// The county's welfare-check rule from a date on (line <c>常来</c>): a regular ate at a site on at
/// least Days of the last Window service days; after CutoffMinute (local) a regular who has not eaten
/// is absent. County-wide: one rule for every site.
/// </summary>
public sealed record RegularsRule(DateOnly From, int Days, int Window, int CutoffMinute, int Line);

/// <summary>The money for one meal at a site on a day: price = subsidy + co-payment.</summary>
public sealed record MealRate(long PriceFen, long SubsidyFen, long CoPaymentFen);

/// <summary>One problem in a policy file, with the 1-based line it is on.</summary>
public sealed record PolicyError(int Line, string Problem)
{
    public override string ToString() => $"第 {Line} 行: {Problem}";
}
