using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Sync;

public class TimeSyncTests
{
    private static readonly DateTime GatewayNow = new(2026, 11, 23, 3, 30, 0, 250, DateTimeKind.Utc);

    [Fact]
    public void ATerminalWithoutClock_AsksOnConnect_AndSetsTheGatewayTimePlusHalfTheRoundTrip()
    {
        var rig = Connected();
        var request = Single(rig.Uplink, UplinkChannel.TimeRequest);
        Assert.True(TimeCodec.TryDecodeRequest(request, request.Length, out uint nonce));

        rig.Clock.MillisecondsSinceBoot += 400;
        Answer(rig, nonce, GatewayNow);

        Assert.True(rig.Clock.IsWallClockValid);
        Assert.Equal(GatewayNow.AddMilliseconds(200), rig.Clock.UtcNow);
        Assert.Equal(1, rig.Terminal.Time.ClockSets);
    }

    [Fact]
    public void AnAnswerToAnotherRequest_OrOneThatTookTooLong_LeavesTheClockAlone()
    {
        var rig = Connected();
        var request = Single(rig.Uplink, UplinkChannel.TimeRequest);
        TimeCodec.TryDecodeRequest(request, request.Length, out uint nonce);

        Answer(rig, nonce + 1, GatewayNow);
        Assert.False(rig.Clock.IsWallClockValid);

        rig.Clock.MillisecondsSinceBoot += 6000;
        Answer(rig, nonce, GatewayNow);
        Assert.False(rig.Clock.IsWallClockValid);
        Assert.Equal(2, rig.Terminal.Time.AnswersRefused);

        rig.Clock.MillisecondsSinceBoot += 1000; // a slow answer makes it ask again soon
        rig.Terminal.Tick();
        Assert.Equal(2, rig.Uplink.On(UplinkChannel.TimeRequest).Count);
    }

    [Fact]
    public void WithoutAnAnswer_ItAsksAgainEvery30Seconds_AndNonceDiffersAcrossBoots()
    {
        var rig = Connected();
        rig.Clock.MillisecondsSinceBoot += 29_000;
        rig.Terminal.Tick();
        Assert.Single(rig.Uplink.On(UplinkChannel.TimeRequest));
        rig.Clock.MillisecondsSinceBoot += 1_000;
        rig.Terminal.Tick();
        Assert.Equal(2, rig.Uplink.On(UplinkChannel.TimeRequest).Count);

        var first = rig.Uplink.On(UplinkChannel.TimeRequest)[0];
        rig.Reboot();
        rig.Terminal.Tick();
        var afterReboot = rig.Uplink.On(UplinkChannel.TimeRequest)[^1];
        TimeCodec.TryDecodeRequest(first, first.Length, out uint before);
        TimeCodec.TryDecodeRequest(afterReboot, afterReboot.Length, out uint after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void AValidClockWithin2Seconds_IsLeftAlone_OneFurtherOff_IsCorrected()
    {
        var rig = Connected(clock: GatewayNow.AddMilliseconds(1500));
        var request = Single(rig.Uplink, UplinkChannel.TimeRequest);
        TimeCodec.TryDecodeRequest(request, request.Length, out uint nonce);
        Answer(rig, nonce, GatewayNow);
        Assert.Equal(GatewayNow.AddMilliseconds(1500), rig.Clock.UtcNow);
        Assert.Equal(-1500, rig.Terminal.Time.LastOffsetMilliseconds);

        rig.Clock.Advance(TimeSpan.FromHours(6));
        rig.Terminal.Tick();
        var again = rig.Uplink.On(UplinkChannel.TimeRequest)[^1];
        TimeCodec.TryDecodeRequest(again, again.Length, out nonce);
        Answer(rig, nonce, GatewayNow.AddHours(6).AddSeconds(-20));
        Assert.Equal(GatewayNow.AddHours(6).AddSeconds(-20), rig.Clock.UtcNow);
        Assert.Equal(1, rig.Terminal.Time.ClockSets);
    }

    [Fact]
    public void MealsTakenBeforeTheClockWasSet_GetTheBootsClockAnchor_OnceTheGatewayAnswers()
    {
        var rig = new TerminalRig();
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(1)));
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        var request = rig.Uplink.On(UplinkChannel.TimeRequest)[^1];
        TimeCodec.TryDecodeRequest(request, request.Length, out uint nonce);
        Answer(rig, nonce, GatewayNow);

        var anchor = new MealRecord();
        Assert.True(rig.Terminal.Ledger.TryRead(rig.Terminal.Ledger.NextSequence - 1, anchor));
        Assert.Equal(VerdictCode.ClockSet, anchor.Verdict);
        Assert.Equal(LocalTime.ToRecordSeconds(GatewayNow), anchor.Time);
    }

    private static TerminalRig Connected(DateTime? clock = null)
    {
        var rig = new TerminalRig();
        if (clock is { } c)
        {
            rig.Clock.SetUtc(c);
        }

        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();
        return rig;
    }

    private static byte[] Single(LoopbackUplink uplink, int channel) => Assert.Single(uplink.On(channel));

    private static void Answer(TerminalRig rig, uint nonce, DateTime utc)
    {
        var answer = new byte[TimeCodec.AnswerSize];
        TimeCodec.EncodeAnswer(answer, nonce, LocalTime.ToRecordSeconds(utc), utc.Millisecond);
        rig.Uplink.Deliver(UplinkChannel.Time, answer);
        rig.Terminal.Tick();
    }
}
