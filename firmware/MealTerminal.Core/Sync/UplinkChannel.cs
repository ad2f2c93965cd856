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

        /// <summary>time-req: a time request with a nonce, terminal to gateway, QoS 0.</summary>
        public const int TimeRequest = 4;

        /// <summary>time: the gateway's UTC time for a nonce, gateway to terminal, QoS 0.</summary>
        public const int Time = 5;

        /// <summary>roster: the current roster's version, size and CRC, gateway to terminal, retained, QoS 1.</summary>
        public const int RosterOffer = 6;

        /// <summary>config: the current configuration's version, size and CRC, gateway to terminal, retained, QoS 1.</summary>
        public const int ConfigOffer = 7;

        /// <summary>fetch: a request for one chunk of a roster, config, voice pack or font image, terminal to gateway, QoS 0.</summary>
        public const int Fetch = 8;

        /// <summary>chunk: one chunk of a roster, config, voice pack or font image, gateway to terminal, QoS 0.</summary>
        public const int Chunk = 9;

        /// <summary>voice: the current voice pack's version, size and CRC, gateway to terminal, retained, QoS 1.</summary>
        public const int VoiceOffer = 10;

        /// <summary>font: the current font image's version, size and CRC, gateway to terminal, retained, QoS 1.</summary>
        public const int FontOffer = 11;

        /// <summary>Channels the adapter maps to topic names, indexed by channel number.</summary>
        public static readonly string[] Names = { string.Empty, "records", "status", "ack", "time-req", "time", "roster", "config", "fetch", "chunk", "voice", "font" };

        /// <summary>True for the channels a terminal subscribes to.</summary>
        public static bool IsDownstream(int channel)
        {
            return channel == Ack || channel == Time || channel == RosterOffer || channel == ConfigOffer || channel == Chunk || channel == VoiceOffer || channel == FontOffer;
        }
    }
}
