namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// Where recorded clips go: unsigned 8-bit mono samples at the pack's rate. On the device an I2S
    /// amplifier (MAX98357A class) fed from a ring buffer its own thread drains; on the host a WAV
    /// file or the benchmark's counter. Must not block.
    /// </summary>
    public interface IAudioOut
    {
        /// <summary>Drops whatever is queued or playing and starts a new stream at this rate.</summary>
        void Restart(int sampleRate);

        /// <summary>Bytes Write takes now without blocking.</summary>
        int Room { get; }

        void Write(byte[] samples, int offset, int count);
    }
}
