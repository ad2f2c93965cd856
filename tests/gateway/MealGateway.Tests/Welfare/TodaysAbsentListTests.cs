using MealGateway.Downloads;
using MealGateway.Tests.Settlement;
using MealGateway.Welfare;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.Welfare;

/// <summary>
/// Today's absent list is kept in memory (the console's overview asks for it every 5 s) and drawn up
/// again only after something that can change it: a meal stored or placed, a known reason, a check, a
/// roster, the county's rule for today, the local day. The rig's clock is 2026-11-23 14:00 local, the
/// default cut-off.
/// </summary>
public sealed class TodaysAbsentListTests : IDisposable
{
    private const string Today = "2026-11-23";
    private readonly MonthRig rig = new();
    private WelfareSetting rule = new();

    /// <summary>S01 serves 11-16..23: elder 1 every day, elder 2 until 11-20 (absent 3 days), elder 3 until 11-22.</summary>
    public TodaysAbsentListTests()
    {
        for (int d = 16; d <= 23; d++)
        {
            rig.Upload("S01", "T01", Meal(1, $"2026-11-{d}", 12));
            if (d <= 20)
            {
                rig.Upload("S01", "T01", Meal(2, $"2026-11-{d}", 12));
            }

            if (d <= 22)
            {
                rig.Upload("S01", "T01", Meal(3, $"2026-11-{d}", 12));
            }
        }

        rig.Clock.Advance(TimeSpan.FromHours(4));
    }

    public void Dispose() => rig.Dispose();

    private WelfareDesk Desk() => new(rig.Store, rig.Clock, _ => rule);

    private static long[] Absent(AbsentList list) => list.Lines.Where(l => l.KnownReason is null).Select(l => l.ElderId).Order().ToArray();

    [Fact]
    public void RepeatedReadsOfTodaysList_DrawItOnce_AndAWriteMakesTheNextReadDrawItAgain()
    {
        var desk = Desk();
        var first = desk.Absent(Today);
        desk.Absent(Today);
        var s01 = desk.Absent(Today, "S01");

        Assert.Equal(1, desk.ListsDrawn);
        Assert.Equal([2L, 3L], Absent(first));
        Assert.Equal(first.Lines, s01.Lines);

        Assert.Null(desk.RecordVisit("S01", Today, 2, "电话联系，平安", "zhan"));
        var checkedOn = desk.Absent(Today);
        desk.Absent(Today);

        Assert.Equal(2, desk.ListsDrawn);
        Assert.Equal("zhan", checkedOn.Lines.Single(l => l.ElderId == 2).CheckedBy);
    }

    [Fact]
    public void BeforeTheCutOff_NothingIsDrawn()
    {
        rig.Clock.Advance(TimeSpan.FromMinutes(-1));
        var desk = Desk();

        Assert.False(desk.Absent(Today).Ready);
        Assert.Equal(0, desk.ListsDrawn);
    }

    [Fact]
    public void AMealUploadedLateForAnAbsentRegular_TakesThemOffTheKeptList()
    {
        var desk = Desk();
        Assert.Equal([2L, 3L], Absent(desk.Absent(Today)));

        rig.Upload("S01", "T01", Meal(3, Today, 12));

        Assert.Equal([2L], Absent(desk.Absent(Today)));
    }

    [Fact]
    public void AClocklessMealPlacedWhenItsAnchorArrives_TakesTheElderOffTheKeptList()
    {
        var desk = Desk();
        rig.Upload("S01", "T01", Clockless(3, bootMilliseconds: 3_600_000, boot: 2)); // no place in time yet
        Assert.Equal([2L, 3L], Absent(desk.Absent(Today)));

        rig.Upload("S01", "T01", Anchor(Today, 13, secondsSinceBoot: 7_200, boot: 2)); // the meal was at 12:00

        Assert.Equal([2L], Absent(desk.Absent(Today)));
    }

    [Fact]
    public void AKnownReasonEntered_IsOnTheNextRead()
    {
        var desk = Desk();
        Assert.Equal([2L, 3L], Absent(desk.Absent(Today)));

        Assert.Null(desk.EnterAbsence("S01", 3, Today, "2026-11-30", "住院", "zhan"));

        var list = desk.Absent(Today);
        Assert.Equal([2L], Absent(list));
        Assert.Equal("住院", list.Lines.Single(l => l.ElderId == 3).KnownReason);
    }

    [Fact]
    public void ARosterWithNames_IsOnTheNextRead()
    {
        var desk = Desk();
        Assert.Null(desk.Absent(Today).Lines.Single(l => l.ElderId == 2).Name);

        var image = SiteFiles.Import(new SiteImages(rig.Store), "roster", "S01", "卡号,老人编号,类别,姓名\n04A1B2C3D4E5F7,2,普通,王秀英\n", "roster.csv",
            rig.Clock.GetUtcNow().UtcDateTime, rig.Policy, out var problems);

        Assert.True(image is not null, string.Join("; ", problems));
        Assert.Equal("王＊英", desk.Absent(Today).Lines.Single(l => l.ElderId == 2).Name);
    }

    [Fact]
    public void TheCountysRuleForTodayChanging_DrawsTheListAgain()
    {
        var desk = Desk();
        Assert.Equal([2L, 3L], Absent(desk.Absent(Today)));

        rule = new WelfareSetting(2, 2); // regulars ate on both of the last 2 service days: elder 2 stopped after 11-20

        Assert.Equal([3L], Absent(desk.Absent(Today)));
        Assert.Equal(2, desk.ListsDrawn);
    }

    [Fact]
    public void AMealStoredWhileTheListIsBeingDrawn_MakesTheNextReadDrawItAgain()
    {
        var kept = new TodaysAbsentList(rig.Store);
        int draws = 0;
        AbsentList Draw(Action? meanwhile)
        {
            draws++;
            var list = new AbsentList(Today, true, "14:00", []); // what the store held when it was read
            meanwhile?.Invoke(); // an upload commits after the read, before the list is kept
            return list;
        }

        kept.Get(Today, rule, () => Draw(() => rig.Upload("S01", "T01", Meal(3, Today, 12))));
        kept.Get(Today, rule, () => Draw(null));
        kept.Get(Today, rule, () => Draw(null));

        Assert.Equal(2, draws);
    }

    [Fact]
    public void TheNextLocalDay_GetsItsOwnList()
    {
        var desk = Desk();
        Assert.Equal([2L, 3L], Absent(desk.Absent(Today)));

        rig.Clock.Advance(TimeSpan.FromDays(1)); // 11-24 14:00: nobody has eaten yet

        var list = desk.Absent("2026-11-24");
        Assert.Equal("2026-11-24", list.Day);
        Assert.Equal([1L, 2L, 3L], Absent(list));
    }
}
