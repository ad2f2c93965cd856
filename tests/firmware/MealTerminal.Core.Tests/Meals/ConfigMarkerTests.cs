using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// Issue 13 item 9: a record's meal period is an index into the configuration in force, so the
/// ledger must say which configuration decided each record - also across a reboot and a power cut
/// between switching the configuration slot and writing the marker.
/// </summary>
public class ConfigMarkerTests
{
    [Fact]
    public void ATerminalOnItsBuiltInDefaults_WritesNoMarker()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1)));
        rig.Reboot();

        Assert.Equal(2u, rig.Terminal.Ledger.NextSequence);
        Assert.Equal(VerdictCode.Accepted, Read(rig, 1).Verdict);
    }

    [Fact]
    public void ASwitchedConfiguration_IsMarkedInTheLedger_BeforeTheFirstRecordDecidedWithIt()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1)));
        Install(rig, LunchAndDinner(version: 7));
        rig.Terminal.Tick(); // applies the installed configuration

        Assert.Equal(7u, rig.Terminal.Config.ConfigVersion);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(2)));
        var marker = Read(rig, 2);
        Assert.Equal((VerdictCode.ConfigSwitch, 7u), (marker.Verdict, marker.ElderId));
        var lunch = Read(rig, 3);
        Assert.Equal((VerdictCode.Accepted, 0), (lunch.Verdict, lunch.Period)); // 午餐 is period 0 of version 7
    }

    [Fact]
    public void APowerCutBetweenTheSlotSwitchAndTheMarker_IsRepairedAtBoot_BeforeAnyTap()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1)));
        Install(rig, LunchAndDinner(version: 7));
        rig.Reboot(); // the switch is in the state log, no marker was written

        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(2)));
        Assert.Equal((VerdictCode.ConfigSwitch, 7u), (Read(rig, 2).Verdict, Read(rig, 2).ElderId));
        Assert.Equal(VerdictCode.Accepted, Read(rig, 3).Verdict);
    }

    [Fact]
    public void ARebootWithTheMarkerInTheNewestRecords_WritesNoSecondMarker()
    {
        var rig = new TerminalRig();
        Install(rig, LunchAndDinner(version: 7));
        rig.Reboot();
        uint next = rig.Terminal.Ledger.NextSequence;
        rig.Reboot();

        Assert.Equal(next, rig.Terminal.Ledger.NextSequence);
    }

    [Fact]
    public void TheMarker_IsNotCountedAsARefusal_OnTheHostReview()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        Install(rig, LunchAndDinner(version: 7));
        rig.Reboot();

        Assert.Equal(0, rig.Terminal.Today.Refused);
    }

    [Fact]
    public void AConfigVersionBeyond24Bits_IsRefused_SoTheMarkerCanAlwaysCarryIt()
    {
        var buffer = new byte[ConfigImage.MaxSize];
        var values = LunchAndDinner(version: ConfigImage.MaxVersion + 1);

        Assert.Equal(-1, ConfigImage.Encode(buffer, values, out string? problem));
        Assert.Contains("16777215", problem);
    }

    private static MealRecord Read(TerminalRig rig, uint sequence)
    {
        var record = new MealRecord();
        Assert.True(rig.Terminal.Ledger.TryRead(sequence, record));
        return record;
    }

    private static ConfigValues LunchAndDinner(uint version) => new()
    {
        Version = version,
        Periods = [new MealPeriod("午餐", 11 * 60, 13 * 60 + 30, 1), new MealPeriod("晚餐", 17 * 60, 19 * 60 + 30, 1)],
    };

    private static void Install(TerminalRig rig, ConfigValues values)
    {
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, values, out string? problem);
        Assert.Null(problem);
        var configs = rig.Terminal.Configs;
        Assert.True(configs.BeginInstall(length));
        configs.WriteChunk(0, buffer, 0, length);
        Assert.True(configs.CommitInstall(Crc32.Compute(buffer, 0, length)));
    }
}
