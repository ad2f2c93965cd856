using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

public class TapVerdictTests
{
    private static TerminalRig LunchTime(RosterEntry[]? roster = null)
    {
        var rig = new TerminalRig(roster: roster);
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        return rig;
    }

    [Fact]
    public void FirstTapInPeriod_IsAccepted_AndTheSecondIsAlreadyEaten()
    {
        var rig = LunchTime();
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(3)));
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(3)));
        Assert.Equal(1, rig.Terminal.Today.MealsInPeriod(1));
        Assert.Equal(1, rig.Terminal.Today.RepeatTaps);
    }

    [Fact]
    public void RepeatedReadsWithinTheDebounceWindow_AreOneTap()
    {
        var rig = LunchTime();
        rig.Reader.Present(TerminalRig.Uid(3));
        rig.Terminal.Tick();
        rig.Clock.Advance(TimeSpan.FromMilliseconds(400));
        rig.Reader.Present(TerminalRig.Uid(3));
        rig.Terminal.Tick();
        Assert.Equal(new[] { VerdictCode.Accepted }, rig.Feedback.Verdicts);
        Assert.Equal(1u, rig.Terminal.Ledger.NextSequence - 1);
    }

    [Fact]
    public void TapOutsideEveryMealPeriod_IsRefusedWithAReason()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 15, 0);
        Assert.Equal(VerdictCode.OutsidePeriod, rig.Tap(TerminalRig.Uid(3)));
        Assert.Equal(0, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void UnknownCard_IsRecordedAsANonMealEventForEnrolment()
    {
        var rig = LunchTime();
        Assert.Equal(VerdictCode.UnknownCard, rig.Tap(new byte[] { 1, 2, 3, 4 }));
        var record = new MealTerminal.Core.Ledger.MealRecord();
        Assert.True(rig.Terminal.Ledger.TryRead(1, record));
        Assert.Equal(VerdictCode.UnknownCard, record.Verdict);
        Assert.Equal(0u, record.ElderId);
        Assert.Equal("01020304", MealTerminal.Core.Cards.CardKey.ToHex(record.CardKey, 0));
        Assert.Equal(1, rig.Terminal.Today.UnknownCards);
    }

    [Theory]
    [InlineData(CardStatus.LostCard, VerdictCode.CardLost)]
    [InlineData(CardStatus.Suspended, VerdictCode.CardSuspended)]
    [InlineData(CardStatus.Deceased, VerdictCode.ElderDeceased)]
    public void BlockedCards_AreRefusedWithTheirOwnVerdict(CardStatus status, int expected)
    {
        var rig = LunchTime(TerminalRig.Elders(5, status));
        Assert.Equal(expected, rig.Tap(TerminalRig.Uid(2)));
        Assert.Equal(0, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void CardOutsideItsValidityDates_IsRefused()
    {
        var roster = TerminalRig.Elders(5);
        roster[2].ValidToDay = 100; // expired in 2020
        var rig = LunchTime(roster);
        Assert.Equal(VerdictCode.CardNotValid, rig.Tap(TerminalRig.Uid(2)));
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1)));
    }

    [Fact]
    public void RebootInThePeriod_DoesNotLetAnElderEatTwice()
    {
        var rig = LunchTime();
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(7)));
        rig.Reboot();
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(7)));
        Assert.Equal(1, rig.Terminal.Today.MealsInPeriod(1));
    }

    [Fact]
    public void TheNextPeriod_ServesTheSameElderAgain()
    {
        var rig = LunchTime();
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(7)));
        rig.Clock.SetLocal(2026, 11, 23, 17, 5);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(7)));
    }

    [Fact]
    public void WithoutAValidClock_MealsAreRecordedWithBootTime_NeverA1970Date()
    {
        var rig = new TerminalRig();
        rig.Clock.MillisecondsSinceBoot = 123_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(4)));
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(4)));
        var record = new MealTerminal.Core.Ledger.MealRecord();
        Assert.True(rig.Terminal.Ledger.TryRead(1, record));
        Assert.False(record.ClockValid);
        Assert.Equal(123_000u, record.Time);
        Assert.Equal(rig.Terminal.BootCount, record.BootCount);
    }

    [Fact]
    public void ClockSetAfterMealsWithoutIt_WritesOneAnchorTyingBootTimeToWallTime()
    {
        var rig = new TerminalRig();
        rig.Clock.MillisecondsSinceBoot = 123_000;
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(4)));
        rig.Clock.MillisecondsSinceBoot = 600_400;
        rig.Clock.SetLocal(2026, 11, 23, 11, 40);
        rig.Terminal.Tick();
        rig.Terminal.Tick();

        var anchor = new MealTerminal.Core.Ledger.MealRecord();
        Assert.Equal(3u, rig.Terminal.Ledger.NextSequence);
        Assert.True(rig.Terminal.Ledger.TryRead(2, anchor));
        Assert.Equal(VerdictCode.ClockSet, anchor.Verdict);
        Assert.True(anchor.ClockValid);
        Assert.Equal(600u, anchor.ElderId);
        Assert.Equal(LocalTime.ToRecordSeconds(rig.Clock.UtcNow), anchor.Time);
        Assert.Equal(rig.Terminal.BootCount, anchor.BootCount);
        Assert.Equal(0, rig.Terminal.Today.Refused);
    }

    [Fact]
    public void ClockValidFromBoot_WritesNoAnchor()
    {
        var rig = LunchTime();
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(4)));
        rig.Terminal.Tick();
        Assert.Equal(2u, rig.Terminal.Ledger.NextSequence);
    }

    [Fact]
    public void RandomUid_GetsAClearVerdictAndIsNotTakenAsAnIdentity()
    {
        var rig = LunchTime();
        Assert.Equal(VerdictCode.RandomUid, rig.Tap(new byte[] { 0x08, 0x9A, 0x10, 0x44 }));
        Assert.Equal(1u, rig.Terminal.Ledger.NextSequence);
    }

    [Fact]
    public void ReaderReportingARandomUid_GetsTheRandomUidVerdict()
    {
        var rig = LunchTime();
        rig.Reader.PresentRandomUid();
        rig.Terminal.Tick();
        Assert.Equal(VerdictCode.RandomUid, rig.Feedback.Verdicts.Single());
        Assert.Equal(1u, rig.Terminal.Ledger.NextSequence);
    }

    [Fact]
    public void UnreadableCard_AsksToTapAgainAndRecordsNothing()
    {
        var rig = LunchTime();
        rig.Reader.Fail();
        rig.Terminal.Tick();
        Assert.Equal(VerdictCode.TapAgain, rig.Feedback.Verdicts.Single());
        Assert.Equal(1u, rig.Terminal.Ledger.NextSequence);
    }
}
