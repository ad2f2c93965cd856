namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Channels of the terminal's MQTT topic tree meal/v1/{site}/{terminal}/... (docs/protocol.md).
    /// The adapter maps each channel to its topic.
    /// </summary>
    public static class UplinkChannel
    {
        /// <summary>records: record batches, terminal to gateway, QoS 1.</summary>
        public const int Records = 1;

        /// <summary>status: heartbeat, terminal to gateway, retained; the last will says offline.</summary>
        public const int Status = 2;

        /// <summary>ack: highest sequence stored durably, gateway to terminal, QoS 1.</summary>
        public const int Ack = 3;
    }
}
