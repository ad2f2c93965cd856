using System;
using MealTerminal.Core.Clock;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Sets the terminal's clock from the gateway. It asks with a fresh nonce when the uplink
    /// connects, every 30 s until it gets an answer in this boot, and every 6 h after that (drift).
    /// Only the answer to the outstanding request counts, and only if its round trip was at most
    /// 5 s; the clock is then set to the gateway's time plus half the round trip. A valid clock
    /// within 2 s of that is left alone, so a drift check does not move recorded times for nothing.
    /// </summary>
    public sealed class TimeSync
    {
        public const long RetryMilliseconds = 30000;
        public const long RefreshMilliseconds = 6L * 3600 * 1000;
        public const long MaxRoundTripMilliseconds = 5000;
        public const long ToleranceMilliseconds = 2000;
        private const long TicksPerMillisecond = 10000;

        private readonly IUplink uplink;
        private readonly IClock clock;
        private readonly byte[] buffer = new byte[TimeCodec.RequestSize];
        private uint outstanding;
        private long askedAt = -1;
        private long nextAskAt;
        private int counter;
        private bool wasConnected;

        public TimeSync(IUplink uplink, IClock clock)
        {
            this.uplink = uplink;
            this.clock = clock;
            LastSyncedAt = -1;
        }

        /// <summary>Goes into the high half of each nonce, so an answer meant for an earlier boot never matches.</summary>
        public int BootCount { get; set; }

        /// <summary>Milliseconds-since-boot of the last accepted answer, or -1.</summary>
        public long LastSyncedAt { get; private set; }

        /// <summary>Gateway time minus terminal time at the last accepted answer, in milliseconds.</summary>
        public long LastOffsetMilliseconds { get; private set; }

        public int RequestsSent { get; private set; }

        public int ClockSets { get; private set; }

        /// <summary>Answers refused: malformed, not for the outstanding request, or too slow.</summary>
        public int AnswersRefused { get; private set; }

        public void Tick(long now)
        {
            bool connected = uplink.IsConnected;
            if (connected && !wasConnected)
            {
                nextAskAt = now; // a fresh connection: ask at once
            }

            wasConnected = connected;
            if (!connected || now < nextAskAt)
            {
                return;
            }

            counter++;
            uint nonce = ((uint)BootCount << 16) | (uint)(counter & 0xFFFF);
            int length = TimeCodec.EncodeRequest(buffer, nonce);
            if (uplink.Publish(UplinkChannel.TimeRequest, buffer, 0, length))
            {
                outstanding = nonce;
                askedAt = now;
                RequestsSent++;
                nextAskAt = now + RetryMilliseconds;
            }
        }

        /// <summary>Takes an answer from the time channel.</summary>
        public void OnAnswer(byte[] payload, int length, long now)
        {
            uint nonce;
            uint seconds;
            int milliseconds;
            if (!TimeCodec.TryDecodeAnswer(payload, length, out nonce, out seconds, out milliseconds)
                || askedAt < 0 || nonce != outstanding)
            {
                AnswersRefused++;
                return;
            }

            long roundTrip = now - askedAt;
            askedAt = -1;
            if (roundTrip > MaxRoundTripMilliseconds)
            {
                AnswersRefused++;
                nextAskAt = now + 1000; // a congested moment; ask again soon
                return;
            }

            DateTime gateway = new DateTime(LocalTime.Epoch.Ticks + (seconds * 1000L * TicksPerMillisecond)
                + ((milliseconds + (roundTrip / 2)) * TicksPerMillisecond));
            LastOffsetMilliseconds = clock.IsWallClockValid ? (gateway.Ticks - clock.UtcNow.Ticks) / TicksPerMillisecond : 0;
            if (!clock.IsWallClockValid || LastOffsetMilliseconds > ToleranceMilliseconds || LastOffsetMilliseconds < -ToleranceMilliseconds)
            {
                clock.SetUtc(gateway);
                ClockSets++;
            }

            LastSyncedAt = now;
            nextAskAt = now + RefreshMilliseconds;
        }
    }
}
