using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Voice;

/// <summary>The terminal hands the voice port a prompt for each tap and host review page, within the tap's own Tick.</summary>
public class TerminalVoiceTests
{
    private static TerminalRig LunchTime()
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        return rig;
    }

    [Fact]
    public void AnAcceptedTap_SaysTheVerdictAndTheAmount_InTheSameTick()
    {
        var rig = LunchTime();
        rig.Config.Prices.Set(1, 0, 1000, 650); // elder 0 is category 0: pays 3.50
        rig.Reader.Present(TerminalRig.Uid(0));
        rig.Terminal.Tick();
        Assert.Equal(new[] { "登记成功请付三元五角" }, rig.Voice.Said);
        Assert.Equal(VoiceSettings.DefaultVolume, rig.Voice.Volumes[0]);
    }

    [Fact]
    public void EveryTap_IsSpoken_ARepeatReadWithinTheDebounceIsNot()
    {
        var rig = LunchTime();
        rig.Tap(TerminalRig.Uid(3));
        rig.Tap(TerminalRig.Uid(3));
        rig.Reader.Present(new byte[] { 1, 2, 3, 4 });
        rig.Terminal.Tick();
        rig.Clock.Advance(TimeSpan.FromMilliseconds(400));
        rig.Reader.Present(new byte[] { 1, 2, 3, 4 });
        rig.Terminal.Tick(); // the same card again within the debounce window: one tap
        Assert.Equal(new[] { "登记成功祝您用餐愉快", "本餐已用过，每餐限用一次", "未登记的卡，请联系工作人员登记" }, rig.Voice.Said);
    }

    [Fact]
    public void TheHostCard_SaysTheReviewPage()
    {
        var host = TerminalRig.Elders(2);
        host[1].Status = CardStatus.HostCard;
        var rig = new TerminalRig(roster: host);
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        rig.Tap(TerminalRig.Uid(0));
        rig.Tap(TerminalRig.Uid(1));
        Assert.Equal("今日用餐一人次", rig.Voice.Said[^1]);
    }

    [Fact]
    public void InSilentHours_TheTerminalShowsButDoesNotSpeak_AndTheVolumeComesFromTheConfig()
    {
        var rig = LunchTime();
        rig.Uplink.IsConnected = true;
        var section = ConfigExtensions.With(ConfigExtensions.Empty, VoiceSettings.TagVolume, new byte[] { 35 });
        section = ConfigExtensions.With(section, VoiceSettings.TagSilentHours, VoiceSettings.SilentHoursValue(21 * 60, 7 * 60)); // crosses midnight
        Install(rig, section);

        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(3)));
        Assert.Equal(35, rig.Voice.Volumes[^1]);
        int said = rig.Voice.Said.Count;
        rig.Clock.SetLocal(2026, 11, 24, 6, 45); // breakfast, but inside 21:00-07:00
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(3)));
        Assert.Equal(said, rig.Voice.Said.Count);
        rig.Clock.SetLocal(2026, 11, 24, 7, 0); // the end minute is not silent
        Assert.Equal(VerdictCode.UnknownCard, rig.Tap(new byte[] { 9, 9, 9, 9 }));
        Assert.Equal(said + 1, rig.Voice.Said.Count);

        rig.Reboot();
        rig.Clock.SetLocal(2026, 11, 24, 23, 0);
        Assert.Equal(VerdictCode.OutsidePeriod, rig.Tap(TerminalRig.Uid(4)));
        Assert.Equal(said + 1, rig.Voice.Said.Count); // the settings came back from flash
    }

    [Fact]
    public void VolumeZero_MutesTheVoice()
    {
        var rig = LunchTime();
        rig.Uplink.IsConnected = true;
        Install(rig, ConfigExtensions.With(ConfigExtensions.Empty, VoiceSettings.TagVolume, new byte[] { 0 }));
        rig.Tap(TerminalRig.Uid(3));
        Assert.Empty(rig.Voice.Said);
    }

    [Theory]
    [InlineData(VoiceSettings.TagVolume, new byte[] { 101 }, "volume must be one byte, 0 to 100")]
    [InlineData(VoiceSettings.TagVolume, new byte[] { 50, 0 }, "volume must be one byte, 0 to 100")]
    [InlineData(VoiceSettings.TagSilentHours, new byte[] { 0xA0, 0x05, 0, 0 }, "silent hours must be two different minutes of the day")]
    [InlineData(VoiceSettings.TagSilentHours, new byte[] { 10, 0, 10, 0 }, "silent hours must be two different minutes of the day")]
    [InlineData(VoiceSettings.TagSilentHours, new byte[] { 10, 0, 20 }, "silent hours must be two 16-bit minutes")]
    public void AMalformedVoiceSetting_RefusesTheConfiguration(int tag, byte[] value, string reason)
    {
        Assert.Equal(reason, ConfigExtensions.Check(ConfigExtensions.With(ConfigExtensions.Empty, tag, value)));
    }

    private static void Install(TerminalRig rig, byte[] section)
    {
        var values = new ConfigValues { Version = 7, Periods = TerminalConfig.DefaultPeriods(), Extensions = section };
        var buffer = new byte[ConfigImage.MaxSize];
        int length = ConfigImage.Encode(buffer, values, out string? problem);
        Assert.Null(problem);
        var server = new ImageServer(rig.Uplink);
        server.Offer(DownloadCodec.KindConfig, 7, buffer[..length]);
        for (int i = 0; i < 1000 && rig.Terminal.Config.ConfigVersion != 7; i++)
        {
            rig.Terminal.Tick();
            server.Serve();
        }

        Assert.Equal(7u, rig.Terminal.Config.ConfigVersion);
    }
}
