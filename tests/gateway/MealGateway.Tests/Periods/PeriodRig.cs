using MealGateway.Downloads;
using MealGateway.Ingest;
using MealGateway.Settlement;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealGateway.Tests.Periods;

/// <summary>Policies and records for sites whose configurations change meal periods.</summary>
public static class PeriodRig
{
    /// <summary>Every category priced for 早餐 6.00, 午餐 15.00, 晚餐 12.00 and 间餐 5.00 (subsidy 1.00, 2.00, 1.50, 1.00).</summary>
    public static readonly string FourPeriodPolicy = PolicyText(("早餐", "6", "1", "5"), ("午餐", "15", "2", "13"), ("晚餐", "12", "1.5", "10.5"), ("间餐", "5", "1", "4"));

    public static string PolicyText(params (string Period, string Price, string Subsidy, string CoPayment)[] periods)
    {
        var lines = new List<string>();
        foreach (var (period, price, subsidy, copay) in periods)
        {
            lines.Add($"price 2026-01-01 * {period} {price}");
            for (int c = 0; c < ElderCategory.Count; c++)
            {
                lines.Add($"subsidy 2026-01-01 * {ElderCategory.ChineseName(c)} {period} {subsidy} {copay}");
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>Stores a site's configuration as the gateway's operator would; returns its version.</summary>
    public static long SetConfig(MonthRig rig, string site, string text)
    {
        var image = SiteFiles.Import(new SiteImages(rig.Store), "config", site, text, "config.txt", rig.Clock.GetUtcNow().UtcDateTime, rig.Policy, out var problems);
        Assert.True(image is not null, string.Join("\n", problems));
        return image!.Version;
    }

    /// <summary>The terminal's configuration marker, written at a local day and hour.</summary>
    public static ReceivedRecord Marker(long version, string day, int hour) =>
        MonthRig.Meal(0, day, hour) with { Verdict = VerdictCode.ConfigSwitch, Period = MealRecord.NoPeriod, ElderId = (uint)version };

    /// <summary>A marker written before the clock was valid, at milliseconds since boot.</summary>
    public static ReceivedRecord ClocklessMarker(long version, long bootMilliseconds, int boot) =>
        new(0, VerdictCode.ConfigSwitch, MealRecord.NoPeriod, 0, false, boot, (uint)version, (uint)bootMilliseconds, string.Empty);

    /// <summary>A meal with valid time recorded as the terminal's period index.</summary>
    public static ReceivedRecord MealAt(long elder, string day, int hour, int periodIndex, int category = 0) =>
        MonthRig.Meal(elder, day, hour, category) with { Period = periodIndex };

    /// <summary>A settler that knows the period codes the rig's configurations gave out so far.</summary>
    public static Settler Settler(MonthRig rig) => new(rig.Store, new StatementBuilder(rig.Policy, rig.Store.Periods), "GW1", rig.Clock);
}
