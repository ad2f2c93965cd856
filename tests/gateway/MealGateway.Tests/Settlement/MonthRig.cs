using MealGateway.Ingest;
using MealGateway.Policy;
using MealGateway.Settlement;
using MealGateway.Storage;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealGateway.Tests.Settlement;

/// <summary>A gateway database, a policy and a fake clock for settlement tests; records are fed as decoded batches.</summary>
public sealed class MonthRig : IDisposable
{
    /// <summary>Lunch 15.00 yuan; ordinary 2.00 + 13.00, 低保 10.00 + 5.00, from 2026-10-16 低保 12.00 + 3.00.</summary>
    public const string PolicyText = """
        price   2026-01-01  *  早餐  6.00
        price   2026-01-01  *  午餐  15.00
        subsidy 2026-01-01  *  普通  早餐  1.00  5.00
        subsidy 2026-01-01  *  普通  午餐  2.00  13.00
        subsidy 2026-01-01  *  低保  早餐  3.00  3.00
        subsidy 2026-01-01  *  低保  午餐  10.00 5.00
        subsidy 2026-10-16  *  低保  午餐  12.00 3.00
        """;

    private readonly Dictionary<string, uint> nextSequence = new();

    public MonthRig(string policyText = PolicyText)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("settle-").FullName;
        var parsed = PolicyParser.Parse(policyText, MealTerminal.Core.Meals.TerminalConfig.DefaultPeriods());
        Assert.True(parsed.Policy is not null, parsed.Describe("policy"));
        Policy = parsed.Policy!;
        Open();
    }

    public string Directory { get; }

    public SubsidyPolicy Policy { get; }

    public MealStore Store { get; private set; } = null!;

    public StatementBuilder Builder { get; private set; } = null!;

    public Settler Settler { get; private set; } = null!;

    public SettlementStore Statements { get; private set; } = null!;

    /// <summary>Closes the database and opens it again, as a gateway restart does.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Open();
    }

    /// <summary>Opens the database again after Store was disposed (a child gateway process had it).</summary>
    public void Open()
    {
        Store = new MealStore(Directory, 480);
        Builder = new StatementBuilder(Policy, Store.Periods);
        Settler = new Settler(Store, Builder, "GW1", Clock);
        Statements = new SettlementStore(Store);
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    /// <summary>A meal record with valid time at local day and hour:minute (UTC+8).</summary>
    public static ReceivedRecord Meal(long elder, string day, int hour, int category = 0, int verdict = VerdictCode.Accepted, int boot = 1)
    {
        var local = DateTime.ParseExact(day, "yyyy-MM-dd", null).AddHours(hour);
        uint seconds = LocalTime.ToRecordSeconds(DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc));
        int period = hour < 10 ? 0 : hour < 14 ? 1 : 2;
        return new ReceivedRecord(0, verdict, period, category, true, boot, (uint)elder, seconds, string.Empty);
    }

    /// <summary>A meal recorded without wall time, at milliseconds since boot.</summary>
    public static ReceivedRecord Clockless(long elder, long bootMilliseconds, int boot, int category = 0) =>
        new(0, VerdictCode.Accepted, 0x0E, category, false, boot, (uint)elder, (uint)bootMilliseconds, string.Empty);

    /// <summary>The clock anchor: wall time (local day and hour) at the given seconds since boot.</summary>
    public static ReceivedRecord Anchor(string day, int hour, long secondsSinceBoot, int boot)
    {
        var at = Meal(0, day, hour, boot: boot);
        return at with { Verdict = VerdictCode.ClockSet, Period = MealRecord.NoPeriod, ElderId = (uint)secondsSinceBoot };
    }

    /// <summary>Stores records from a terminal as the next sequence numbers; returns the acknowledged prefix.</summary>
    public long Upload(string site, string terminal, params ReceivedRecord[] records)
    {
        uint first = nextSequence.GetValueOrDefault($"{site}/{terminal}", 1u);
        var numbered = records.Select((r, i) => r with { Sequence = first + (uint)i }).ToList();
        nextSequence[$"{site}/{terminal}"] = first + (uint)records.Length;
        return Store.StoreBatch(site, new DecodedBatch(terminal, first, numbered), Clock.GetUtcNow().UtcDateTime);
    }

    public void Dispose()
    {
        Store.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>A TimeProvider the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
