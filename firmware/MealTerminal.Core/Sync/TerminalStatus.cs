namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// What the status heartbeat carries. The core fills in what it knows (versions, ledger, clock,
    /// uptime, boots); the device fills in firmware version, signal strength and reader health, which
    /// only its adapters can see, before each Tick.
    /// </summary>
    public sealed class TerminalStatus
    {
        public bool Online;
        public bool ClockValid;
        public bool ReaderHealthy = true;

        /// <summary>The gateway refused this ledger's sequences as an identity conflict (SyncSession).</summary>
        public bool IdentityConflict;
        public uint FirmwareVersion;
        public uint RosterVersion;
        public uint ConfigVersion;
        public int RecordsPending;
        public int StorageUsedPercent;
        public uint UptimeSeconds;
        public uint BootCount;

        /// <summary>Wi-Fi RSSI in dBm; StatusCodec.UnknownSignal when the adapter cannot tell.</summary>
        public int SignalDbm = StatusCodec.UnknownSignal;
        public int ReaderReinits;
        public int ReaderTimeouts;
        public int CardErrors;
    }
}
