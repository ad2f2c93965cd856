using MealTerminal.Core.Clock;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Publishes the status heartbeat (retained) as soon as the uplink connects and then every
    /// minute while it stays connected. A publish the uplink refuses is tried again on the next Tick.
    /// </summary>
    public sealed class StatusReporter
    {
        public const long IntervalMilliseconds = 60000;

        private readonly IUplink uplink;
        private readonly IClock clock;
        private readonly MealLedger ledger;
        private readonly RosterStore rosters;
        private readonly TerminalConfig config;
        private readonly SyncSession sync;
        private readonly byte[] buffer = new byte[StatusCodec.Size];
        private bool wasConnected;
        private bool sendNow;
        private long lastSentAt;

        public StatusReporter(IUplink uplink, IClock clock, MealLedger ledger, RosterStore rosters, TerminalConfig config, SyncSession sync)
        {
            this.uplink = uplink;
            this.clock = clock;
            this.ledger = ledger;
            this.rosters = rosters;
            this.config = config;
            this.sync = sync;
            Status = new TerminalStatus();
        }

        /// <summary>The values sent; the device sets firmware, signal and reader fields here.</summary>
        public TerminalStatus Status { get; private set; }

        public int HeartbeatsSent { get; private set; }

        public void Tick(long nowMilliseconds)
        {
            bool connected = uplink.IsConnected;
            if (connected && !wasConnected)
            {
                sendNow = true;
            }

            wasConnected = connected;
            if (!connected || (!sendNow && nowMilliseconds - lastSentAt < IntervalMilliseconds))
            {
                return;
            }

            Fill(nowMilliseconds);
            int length = StatusCodec.Encode(buffer, Status);
            if (uplink.Publish(UplinkChannel.Status, buffer, 0, length))
            {
                sendNow = false;
                lastSentAt = nowMilliseconds;
                HeartbeatsSent++;
            }
        }

        private void Fill(long now)
        {
            TerminalStatus s = Status;
            s.Online = true;
            s.ClockValid = clock.IsWallClockValid;
            s.RosterVersion = rosters.ActiveVersion;
            s.ConfigVersion = config.ConfigVersion;
            s.RecordsPending = ledger.PendingCount;
            s.StorageUsedPercent = ledger.UsedPercent;
            s.UptimeSeconds = (uint)(now / 1000);
            s.IdentityConflict = sync.IdentityConflict;
        }
    }
}
