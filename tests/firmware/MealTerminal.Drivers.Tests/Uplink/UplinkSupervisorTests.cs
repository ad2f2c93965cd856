using MealTerminal.Drivers.Uplink;

namespace MealTerminal.Drivers.Tests.Uplink;

public class UplinkSupervisorTests
{
    private readonly FakeClock _clock = new();
    private readonly UplinkSupervisor _uplink;

    public UplinkSupervisorTests() => _uplink = new UplinkSupervisor(_clock, new ReconnectSchedule(1000, 60000, 3));

    [Fact]
    public void AtBoot_ItConnectsAtOnce()
    {
        Assert.True(_uplink.ShouldConnectNow());
        _uplink.AttemptStarted();
        Assert.False(_uplink.ShouldConnectNow());
        _uplink.Connected();
        Assert.Equal(UplinkState.Connected, _uplink.State);
        Assert.False(_uplink.ShouldConnectNow());
    }

    [Fact]
    public void AFailedAttempt_WaitsForTheBackoff_BeforeTheNextTry()
    {
        _uplink.AttemptStarted();
        _uplink.AttemptFailed();
        int wait = _uplink.MillisecondsUntilNextAttempt();
        Assert.InRange(wait, 500, 1000);

        _clock.Advance(wait - 1);
        Assert.False(_uplink.ShouldConnectNow());
        _clock.Advance(1);
        Assert.True(_uplink.ShouldConnectNow());
    }

    [Fact]
    public void AGatewayDownForAnHour_IsTriedAboutOncePerMinute_NotInATightLoop()
    {
        for (int t = 0; t < 3_600_000; t += 100)
        {
            if (_uplink.ShouldConnectNow())
            {
                _uplink.AttemptStarted();
                _uplink.AttemptFailed();
            }

            _clock.Advance(100);
        }

        Assert.InRange(_uplink.Attempts, 60, 130);
    }

    [Fact]
    public void ALostConnection_IsRetriedAfterTheFirstStep_AndSuccessResetsTheBackoff()
    {
        _uplink.AttemptStarted();
        _uplink.Connected();
        _uplink.ConnectionLost();
        Assert.Equal(1, _uplink.Disconnects);
        Assert.InRange(_uplink.MillisecondsUntilNextAttempt(), 500, 1000);

        _clock.Advance(1000);
        _uplink.AttemptStarted();
        _uplink.Connected();
        _uplink.ConnectionLost();
        Assert.InRange(_uplink.MillisecondsUntilNextAttempt(), 500, 1000);
    }
}
