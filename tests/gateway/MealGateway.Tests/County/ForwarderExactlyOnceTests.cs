using MealGateway.County;
using MealGateway.Settlement;
using MealGateway.Tests.Settlement;
using Microsoft.Extensions.Logging.Abstractions;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.County;

public sealed class ForwarderExactlyOnceTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    private CountyForwarder Forwarder(CountyClient client, Random random) =>
        new(rig.Statements, client, new RetrySchedule(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 0.5), rig.Clock, random.NextDouble, NullLogger.Instance);

    /// <summary>Passes of the forwarder, moving the fake clock to each retry; stops early after maxPasses.</summary>
    private async Task ForwardAsync(CountyForwarder forwarder, int maxPasses)
    {
        for (int pass = 0; pass < maxPasses && rig.Statements.Pending().Count > 0; pass++)
        {
            await forwarder.SendDueAsync(CancellationToken.None);
            var next = rig.Statements.Pending().FirstOrDefault()?.NextAttemptUtc;
            if (next is not null && next > rig.Clock.GetUtcNow().UtcDateTime)
            {
                rig.Clock.Advance(next.Value - rig.Clock.GetUtcNow().UtcDateTime);
            }
        }
    }

    [Fact]
    public async Task RandomFailuresAndRestarts_EachRevisionIsAppliedExactlyOnceInOrder_AndTheCountysTotalsEqualTheGateways()
    {
        await using var county = await CountyStandIn.StartAsync();
        var random = new Random(20261123);
        county.Faults = CountyStandIn.RandomFaults(seed: 7, healthy: 4);
        county.MarkTimeouts = true; // a timeout is decided by the stand-in, not by two racing timers
        var options = new CountyOptions(county.Url, "GW1", CountyStandIn.Key);

        for (int round = 0; round < 6; round++)
        {
            // Late records arrive for past days at three sites, then the month is settled again.
            for (int site = 1; site <= 3; site++)
            {
                var meals = Enumerable.Range(0, 1 + random.Next(5))
                    .Select(i => Meal(random.Next(1, 40), $"2026-10-{1 + random.Next(28):D2}", random.Next(2) == 0 ? 7 : 12, random.Next(2)))
                    .ToArray();
                rig.Upload($"S0{site}", $"T{round}", meals);
            }

            rig.Settler.Settle("2026-10");
            using var client = new CountyClient(options, new NoAnswerHandler());
            await ForwardAsync(Forwarder(client, random), maxPasses: round < 5 ? random.Next(1, 6) : 1000);
            rig.Reopen(); // the gateway restarts, often with entries still in the outbox
        }

        Assert.Empty(rig.Statements.Pending());
        var gateway = rig.Statements.Heads()
            .SelectMany(h => rig.Statements.Revisions(h.Id.Split('|')[0], h.Id.Split('|')[1], h.Id.Split('|')[2])).ToList();
        Assert.Equal(gateway.Select(s => s.IdempotencyKey).Order(), county.Applied.Select(s => s.IdempotencyKey).Order());
        Assert.Equal(0, county.OutOfOrder);
        Assert.Equal(0, county.BadSignatures);
        foreach (var (id, applied) in county.Latest())
        {
            var parts = id.Split('|');
            Assert.Equal(rig.Statements.Revision(parts[0], parts[1], parts[2])!.Totals, applied.Totals);
        }

        Assert.True(county.Duplicates > 0, "no request was applied and then resent: the faults did not bite");
        Assert.True(county.FaultsInjected.GetValueOrDefault(StandInFault.ApplyThenDrop) > 0);
        Assert.True(county.FaultsInjected.GetValueOrDefault(StandInFault.Timeout) > 0);
    }

    [Fact]
    public async Task WhileTheCountyIsDown_EntriesWaitWithTheirReason_AndRetriesFollowTheSchedule()
    {
        rig.Upload("S01", "T01", Meal(1, "2026-10-03", 12));
        rig.Settler.Settle("2026-10");
        var options = new CountyOptions(new Uri($"http://127.0.0.1:{FreePort.Pick()}"), "GW1", CountyStandIn.Key) { Timeout = TimeSpan.FromSeconds(2) };
        using var client = new CountyClient(options);
        var forwarder = new CountyForwarder(rig.Statements, client, new RetrySchedule(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 0), rig.Clock, () => 0, NullLogger.Instance);

        var start = rig.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(0, await forwarder.SendDueAsync(CancellationToken.None));
        var head = rig.Statements.Pending()[0];
        Assert.Contains("无法连接县平台", head.LastError);
        Assert.Equal((1, start.AddSeconds(5)), (head.Attempts, head.NextAttemptUtc));

        rig.Clock.Advance(TimeSpan.FromSeconds(4));
        await forwarder.SendDueAsync(CancellationToken.None);
        Assert.Equal(1, rig.Statements.Pending()[0].Attempts); // not due yet: no attempt

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await forwarder.SendDueAsync(CancellationToken.None);
        Assert.Equal((2, start.AddSeconds(5 + 10)), (rig.Statements.Pending()[0].Attempts, rig.Statements.Pending()[0].NextAttemptUtc));
        Assert.Equal(2, rig.Statements.Pending().Count); // the daily tally waits behind the head, in order

        rig.Reopen();
        Assert.Equal(2, rig.Statements.Pending()[0].Attempts); // the schedule survives a restart
    }
}
