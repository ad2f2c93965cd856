using MealGateway.County;
using MealGateway.Tests.County;
using MealGateway.Tests.Settlement;
using MealGateway.Welfare;
using Microsoft.Extensions.Logging.Abstractions;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Welfare;

/// <summary>
/// Issue #17 (review item 2): each finished day's absence counts go to the county platform through
/// the outbox: queued once when the day is final (02:00 local the next day), delivered exactly once
/// though the platform is down at first, and still queued once after the gateway restarts.
/// </summary>
public sealed class AbsenceReportsTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    private AbsenceReports Reports() => new(rig.Store, new WelfareDesk(rig.Store, rig.Clock), rig.Clock, "GW1");

    /// <summary>S01 serves 10-13..19; elders 1 and 2 are regulars, 3 is not; on the 20th only 1 eats; 2 is absent, 4 on leave.</summary>
    private void AbsentOnThe20th()
    {
        for (int d = 13; d <= 19; d++)
        {
            rig.Upload("S01", "T01", Meal(1, $"2026-10-{d}", 12), Meal(2, $"2026-10-{d}", 12), Meal(4, $"2026-10-{d}", 12));
            if (d == 19)
            {
                rig.Upload("S01", "T01", Meal(3, $"2026-10-{d}", 12));
            }
        }

        rig.Upload("S01", "T01", Meal(1, "2026-10-20", 12));
        Assert.Null(new WelfareDesk(rig.Store, rig.Clock).EnterAbsence("S01", 4, "2026-10-20", "2026-10-20", "住院", "host"));
    }

    private void At(int day, int hour, int minute) =>
        rig.Clock.Advance(new DateTimeOffset(2026, 10, day, hour, minute, 0, TimeSpan.FromHours(8)) - rig.Clock.GetUtcNow());

    [Fact]
    public void ADaysCount_IsQueuedAt0200TheNextDay_NotAMinuteBefore_AndOnlyOnce_AlsoAfterARestart()
    {
        AbsentOnThe20th();
        At(21, 1, 59);
        Assert.Equal(1, Reports().EnqueueDue()); // the first run: the newest final day, the 19th
        Assert.Equal(["2026-10-19"], rig.Statements.Outbox(AbsenceReports.Kind).Select(e => e.Period));

        At(21, 2, 0);
        Assert.Equal(1, Reports().EnqueueDue());
        Assert.Equal(0, Reports().EnqueueDue());
        rig.Reopen();
        Assert.Equal(0, Reports().EnqueueDue());

        var entry = rig.Statements.Outbox(AbsenceReports.Kind)[^1];
        Assert.Equal(2, rig.Statements.Outbox(AbsenceReports.Kind).Count);
        Assert.Equal(("GW1:absences:2026-10-20", "2026-10-20"), (entry.IdempotencyKey, entry.Period));
        Assert.Contains("\"absent\":1,\"withKnownReason\":1", rig.Statements.JsonOf(entry));
    }

    [Fact]
    public void AGatewayDownForDays_QueuesEveryMissedDayInOrder_WhenItIsBack()
    {
        AbsentOnThe20th();
        At(21, 3, 0);
        Assert.Equal(1, Reports().EnqueueDue());

        At(24, 12, 0);
        Assert.Equal(3, Reports().EnqueueDue());

        Assert.Equal(["2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23"], rig.Statements.Outbox(AbsenceReports.Kind).Select(e => e.Period));
    }

    [Fact]
    public async Task WhileTheCountyIsDown_TheCountWaits_ThenReachesItExactlyOnce_WithTheCountsOfTheDay()
    {
        await using var county = await CountyStandIn.StartAsync();
        county.MarkTimeouts = true;
        int request = 0;
        var faults = new[] { StandInFault.ServiceUnavailable, StandInFault.ApplyThenDrop, StandInFault.Timeout };
        county.Faults = () => request < faults.Length ? faults[request++] : StandInFault.None;
        AbsentOnThe20th();
        At(21, 2, 30);
        Assert.Equal(1, Reports().EnqueueDue());
        using var client = new CountyClient(new CountyOptions(county.Url, "GW1", CountyStandIn.Key), new NoAnswerHandler());
        CountyForwarder Forwarder() => new(rig.Statements, client, new RetrySchedule(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 0), rig.Clock, () => 0, NullLogger.Instance);

        for (int pass = 0; pass < 10 && rig.Statements.Pending().Count > 0; pass++)
        {
            await Forwarder().SendDueAsync(CancellationToken.None);
            rig.Clock.Advance(TimeSpan.FromMinutes(5));
            if (pass == 1)
            {
                rig.Reopen(); // the gateway restarts with the entry still pending
            }
        }

        Assert.Empty(rig.Statements.Pending());
        var applied = Assert.Single(county.AppliedAbsences);
        Assert.Equal(("2026-10-20", 1, 1, "14:00", 4, 7), (applied.Day, applied.Absent, applied.WithKnownReason, applied.Cutoff, applied.RegularDays, applied.RegularWindow));
        Assert.Equal([new SiteAbsences("S01", 1, 1)], applied.Sites);
        Assert.True(county.Duplicates > 0, "the applied-then-dropped request was not sent again");
    }
}
