using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

public class HostReviewTests
{
    private static readonly byte[] HostUid = { 0x04, 0x77, 0x77, 0x77, 0x01, 0x02, 0x03 };

    private static TerminalRig RigWithHostCard()
    {
        var roster = TerminalRig.Elders(20).ToList();
        var host = new RosterEntry { ElderId = 9999, Status = CardStatus.HostCard, ValidToDay = RosterFormat.NoUpperBound };
        CardKey.FromUid(HostUid, HostUid.Length, host.CardKey, 0);
        roster.Add(host);
        var rig = new TerminalRig(roster: roster.ToArray());
        rig.Clock.SetLocal(2026, 11, 23, 7, 0);
        return rig;
    }

    [Fact]
    public void HostCard_ShowsTodaysCounts_PageByPage_AndIsNeverAMeal()
    {
        var rig = RigWithHostCard();
        rig.Tap(TerminalRig.Uid(0));
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        rig.Tap(TerminalRig.Uid(0));
        rig.Tap(TerminalRig.Uid(1));
        rig.Tap(TerminalRig.Uid(1)); // repeat
        rig.Tap(new byte[] { 0x04, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66 }); // unknown
        uint next = rig.Terminal.Ledger.NextSequence;

        var pages = Enumerable.Range(0, 4).Select(_ => { rig.Tap(HostUid); return rig.Terminal.LastScreen; }).ToList();

        Assert.Equal(next, rig.Terminal.Ledger.NextSequence);
        Assert.Equal(new[] { "今日用餐 3人次", "早餐 1人次", "午餐 2人次", "晚餐 0人次" }, Lines(rig, 0));
        Assert.Equal(new[] { "按类别(人次)", "普通 2  低保 1", "", "" }, Lines(rig, 1));
        Assert.Equal(new[] { "今日刷卡情况", "重复刷卡 1次", "未登记卡 1次", "其他拒绝 0次" }, Lines(rig, 2));
        Assert.Equal(new[] { "数据上传", "待上传 5条", "存储已用 0%", "尚未同步" }, Lines(rig, 3));
    }

    [Fact]
    public void HostReview_IsTheSameAfterAReboot_AndShowsTheLastSync()
    {
        var rig = RigWithHostCard();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        rig.Tap(TerminalRig.Uid(3));
        rig.Tap(TerminalRig.Uid(4));
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        rig.Uplink.DeliverAck(2);
        rig.Terminal.Tick();
        var before = Enumerable.Range(0, 4).Select(p => Lines(rig, p)).ToList();

        rig.Reboot();
        var after = Enumerable.Range(0, 4).Select(p => Lines(rig, p)).ToList();

        Assert.Equal(before, after);
        Assert.Equal("上次同步 11:30", after[3][3]);
        Assert.Equal("待上传 0条", after[3][1]);
    }

    [Fact]
    public void AcceptedScreen_SaysWhatTheElderPays_FromTheConfiguredPriceAndSubsidy()
    {
        var rig = new TerminalRig();
        rig.Config.Prices.Set(period: 1, category: 2, price: 1000, subsidy: 650);
        rig.Config.Prices.Set(period: 1, category: 1, price: 1000, subsidy: 1000);
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);

        rig.Tap(TerminalRig.Uid(2));
        Assert.Equal("请付 3.50 元", rig.Terminal.LastScreen.Line4);
        rig.Tap(TerminalRig.Uid(1));
        Assert.Equal("补贴全免 无需付费", rig.Terminal.LastScreen.Line4);
        rig.Tap(TerminalRig.Uid(0));
        Assert.Equal("祝您用餐愉快", rig.Terminal.LastScreen.Line4); // no price set for this category
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(100, 101)]
    public void APriceBelowItsSubsidy_OrNegative_IsRefused(int price, int subsidy) =>
        Assert.Throws<ArgumentException>(() => new TerminalConfig("S", "T", TerminalConfig.DefaultPeriods()).Prices.Set(0, 0, price, subsidy));

    private static string[] Lines(TerminalRig rig, int page)
    {
        var screen = new MealTerminal.Core.Display.Screen();
        MealTerminal.Core.Display.HostReview.Render(screen, page, rig.Config, rig.Terminal.Today, rig.Terminal.Ledger, rig.Terminal.LastSyncSeconds, rig.Terminal.Sync.IdentityConflict);
        return new[] { screen.Line1, screen.Line2, screen.Line3, screen.Line4 };
    }
}
