using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// The meal rules written the plain way, for the property test: every accepted meal kept in a
/// list, each boot's anchor (the first moment the terminal saw a valid clock in it), and the
/// verdict a tap should get computed from all of that with LINQ. The terminal must agree on every
/// tap, without ever seeing this list.
/// </summary>
internal sealed class MealRulesModel
{
    private const int Offset = 8 * 60;
    private readonly MealPeriod[] periods = TerminalConfig.DefaultPeriods();
    private readonly Dictionary<int, uint> bootStart = new();

    public List<Meal> Meals { get; } = new();

    /// <summary>The configured 3 hours, or the longest period plus a minute when that is longer.</summary>
    public int GapMinutes => Math.Max(TerminalConfig.DefaultClocklessGapMinutes, periods.Max(p => p.EndMinute - p.StartMinute + 1));

    /// <summary>Called whenever the terminal has looked at its clock: the first valid look anchors the boot.</summary>
    public void Observe(int boot, bool valid, uint wallSeconds, long bootMilliseconds)
    {
        if (valid && !bootStart.ContainsKey(boot))
        {
            uint sinceBoot = (uint)((bootMilliseconds / 1000) & 0xFFFFFF);
            bootStart[boot] = wallSeconds > sinceBoot ? wallSeconds - sinceBoot : 0;
        }
    }

    /// <summary>What the rules say about a tap of a card in the roster.</summary>
    public bool Allows(int elder, int boot, bool valid, uint wallSeconds, long bootMilliseconds, out int period)
    {
        if (!valid)
        {
            period = -1;
            long minute = bootMilliseconds / 60000;
            var earlier = Meals.Where(m => m.Elder == elder && m.Boot == boot && !m.ClockValid).ToList();
            return earlier.Count == 0 || minute - earlier.Max(m => m.BootMilliseconds / 60000) >= GapMinutes;
        }

        period = PeriodAt(wallSeconds);
        if (period < 0)
        {
            return false;
        }

        var place = (LocalTime.LocalDay(wallSeconds, Offset), period);
        return Meals.Count(m => m.Elder == elder && PlaceOf(m) == place) < periods[period].LimitPerElder;
    }

    public void Accept(int elder, int boot, bool valid, uint wallSeconds, long bootMilliseconds, int period) =>
        Meals.Add(new Meal(elder, boot, valid, wallSeconds, bootMilliseconds, period));

    /// <summary>(local day, period) of a meal in the terminal's final view of time; null when its boot never got a clock.</summary>
    public (int Day, int Period)? PlaceOf(Meal m)
    {
        if (m.ClockValid)
        {
            return (LocalTime.LocalDay(m.WallSeconds, Offset), m.Period);
        }

        if (!bootStart.TryGetValue(m.Boot, out uint start))
        {
            return null;
        }

        uint seconds = start + (uint)(m.BootMilliseconds / 1000);
        int period = PeriodAt(seconds);
        return period < 0 ? null : (LocalTime.LocalDay(seconds, Offset), period);
    }

    public bool IsAnchored(int boot) => bootStart.ContainsKey(boot);

    private int PeriodAt(uint seconds)
    {
        int minute = LocalTime.LocalMinuteOfDay(seconds, Offset);
        return Array.FindIndex(periods, p => p.Contains(minute));
    }

    internal sealed record Meal(int Elder, int Boot, bool ClockValid, uint WallSeconds, long BootMilliseconds, int Period);
}
