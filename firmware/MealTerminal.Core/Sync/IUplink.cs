namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// The uplink seam (MQTT on both device and simulator). Publishing never blocks the tap path:
    /// an adapter that is offline returns false at once. Inbound messages are queued by the adapter
    /// and drained by the terminal's main loop, so the core stays single-threaded.
    /// </summary>
    public interface IUplink
    {
        bool IsConnected { get; }

        /// <summary>Publishes a payload on the terminal's topic for the channel; false when offline.</summary>
        bool Publish(int channel, byte[] payload, int offset, int count);

        /// <summary>
        /// Copies the next queued inbound message into buffer and returns its length, or -1 when the
        /// queue is empty. The channel says which topic it came from.
        /// </summary>
        int TryReceive(byte[] buffer, out int channel);
    }
}
