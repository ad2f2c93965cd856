using MealTerminal.Core.Clock;

namespace MealTerminal.Drivers.Uplink
{
    /// <summary>
    /// Decides when the MQTT adapter's own thread should try to connect; it never connects itself, so
    /// nothing here can block the tap path. The adapter loop: if ShouldConnectNow(), call
    /// AttemptStarted(), try the broker, then Connected() or AttemptFailed(); call ConnectionLost()
    /// when the client drops.
    /// </summary>
    public sealed class UplinkSupervisor
    {
        private readonly IClock _clock;
        private readonly ReconnectSchedule _schedule;
        private UplinkState _state = UplinkState.Disconnected;
        private long _nextAttemptAt;

        public UplinkSupervisor(IClock clock, ReconnectSchedule schedule)
        {
            _clock = clock;
            _schedule = schedule;
        }

        public UplinkState State { get { return _state; } }

        public int Attempts;
        public int Disconnects;
        public long ConnectedSinceMilliseconds;

        public bool ShouldConnectNow()
        {
            return _state == UplinkState.Disconnected && _clock.MillisecondsSinceBoot >= _nextAttemptAt;
        }

        public void AttemptStarted()
        {
            _state = UplinkState.Connecting;
            Attempts++;
        }

        public void Connected()
        {
            _state = UplinkState.Connected;
            _schedule.MarkSuccess();
            ConnectedSinceMilliseconds = _clock.MillisecondsSinceBoot;
        }

        public void AttemptFailed()
        {
            _schedule.MarkFailure();
            Schedule();
        }

        /// <summary>The link dropped after being up: the first retry comes after the first backoff step, not at once.</summary>
        public void ConnectionLost()
        {
            if (_state != UplinkState.Connected)
            {
                return;
            }

            Disconnects++;
            _schedule.MarkFailure();
            Schedule();
        }

        /// <summary>Milliseconds until the next attempt is due (0 when due or not waiting), for the adapter's sleep.</summary>
        public int MillisecondsUntilNextAttempt()
        {
            long wait = _nextAttemptAt - _clock.MillisecondsSinceBoot;
            return _state != UplinkState.Disconnected || wait < 0 ? 0 : (int)wait;
        }

        private void Schedule()
        {
            _state = UplinkState.Disconnected;
            _nextAttemptAt = _clock.MillisecondsSinceBoot + _schedule.NextDelayMilliseconds();
        }
    }

    public enum UplinkState
    {
        Disconnected = 0,
        Connecting = 1,
        Connected = 2,
    }
}
