using MealTerminal.Core.Cards;
using MealTerminal.Core.Clock;

namespace MealTerminal.Drivers.CardReader
{
    /// <summary>
    /// The card reader the core sees: one exchange per Poll, never a blocking listen loop. After any
    /// failure the next exchange uses WUPA so a card left halted is selected again. A watchdog revives
    /// the MFRC522 (readers hang after hours or weeks) when it has not proved it answers for
    /// SilenceBeforeReinitMilliseconds, or after TimeoutsBeforeReinit chip timeouts in a row. Proof of
    /// life is a card exchange or a VersionReg read, never "no card", which a hung chip also reports.
    /// Debouncing repeated taps of the same card is the core's job, not this one's.
    /// </summary>
    public sealed class ReaderSupervisor : ICardReader
    {
        public const int AliveCheckMilliseconds = 2000;
        public const int SilenceBeforeReinitMilliseconds = 10000;
        public const int TimeoutsBeforeReinit = 5;
        public const int ReinitRetryMilliseconds = 5000;

        private readonly IRc522Port _port;
        private readonly IClock _clock;
        private readonly ReaderHealth _health = new ReaderHealth();
        private bool _started;
        private bool _wakeHalted;
        private long _lastAliveCheck;
        private long _nextReinitAt;

        public ReaderSupervisor(IRc522Port port, IClock clock)
        {
            _port = port;
            _clock = clock;
        }

        public ReaderHealth Health { get { return _health; } }

        public CardReadStatus Poll(byte[] uid, out int length)
        {
            length = 0;
            long now = _clock.MillisecondsSinceBoot;
            if (!_started)
            {
                _started = true;
                Initialize(now, false);
            }
            else if (!_health.Healthy)
            {
                if (now >= _nextReinitAt)
                {
                    Initialize(now, true);
                }
            }
            else
            {
                CheckAlive(now);
                if (_health.ConsecutiveFailures >= TimeoutsBeforeReinit || now - _health.LastOkMilliseconds >= SilenceBeforeReinitMilliseconds)
                {
                    Initialize(now, true);
                }
            }

            if (!_health.Healthy)
            {
                return CardReadStatus.NoCard;
            }

            Rc522Result result = _port.RequestAndSelect(_wakeHalted, uid, out length);
            _wakeHalted = result != Rc522Result.NoCard && result != Rc522Result.Card;
            if (result == Rc522Result.NoCard)
            {
                length = 0;
                return CardReadStatus.NoCard;
            }

            if (result == Rc522Result.Timeout)
            {
                length = 0;
                _health.ChipTimeouts++;
                _health.ConsecutiveFailures++;
                return CardReadStatus.NoCard;
            }

            MarkAlive(now);
            if (result != Rc522Result.Card)
            {
                length = 0;
                _health.CardErrors++;
                return CardReadStatus.ReadError;
            }

            if (length == 4 && uid[0] == 0x08)
            {
                // ISO/IEC 14443-3 §6.5.4: a single-size UID starting 0x08 is a random ID, new on every power-up.
                _health.RandomUids++;
                return CardReadStatus.RandomUid;
            }

            return CardReadStatus.Card;
        }

        private void CheckAlive(long now)
        {
            if (now - _lastAliveCheck < AliveCheckMilliseconds)
            {
                return;
            }

            _lastAliveCheck = now;
            if (_port.IsAlive())
            {
                MarkAlive(now);
            }
            else
            {
                _health.ChipTimeouts++;
                _health.ConsecutiveFailures++;
            }
        }

        private void Initialize(long now, bool isWatchdog)
        {
            if (isWatchdog)
            {
                _health.ReinitCount++;
            }

            bool ok = _port.Initialize() && _port.IsAlive();
            _lastAliveCheck = now;
            _wakeHalted = true;
            if (ok)
            {
                _health.Healthy = true;
                MarkAlive(now);
                return;
            }

            if (isWatchdog)
            {
                _health.FailedReinitCount++;
            }

            _health.Healthy = false;
            _nextReinitAt = now + ReinitRetryMilliseconds;
        }

        private void MarkAlive(long now)
        {
            _health.LastOkMilliseconds = now;
            _health.ConsecutiveFailures = 0;
        }
    }
}
