using MealTerminal.Core.Voice;

namespace MealTerminal.Drivers.Voice
{
    /// <summary>
    /// Between ClipVoice (main loop) and the I2S writer thread of a MAX98357A-class amplifier: a ring of
    /// unsigned 8-bit mono samples the main loop fills without blocking, drained as 16-bit signed
    /// stereo frames, the smallest I2S word the MAX98357A takes (Maxim MAX98357A/B datasheet, "Digital
    /// Audio Interface": 16/24/32-bit I2S at 8 kHz to 96 kHz, no MCLK; with SD_MODE floating it plays
    /// (left + right) / 2, so both channels carry the sample). Restart drops what is queued, so a new
    /// tap is heard within one drain. Locked, because the two sides run on two threads.
    /// </summary>
    public sealed class I2sAudioRing : IAudioOut
    {
        /// <summary>Bytes one sample takes on the I2S bus: 16-bit left + 16-bit right.</summary>
        public const int FrameBytes = 4;

        private readonly object gate = new object();
        private readonly byte[] ring;
        private int head;
        private int count;

        public I2sAudioRing(int capacity)
        {
            ring = new byte[capacity];
        }

        /// <summary>Sample rate of the stream now queued (the I2S clock to run), 0 before the first prompt.</summary>
        public int SampleRate { get; private set; }

        /// <summary>Counts restarts, so the writer thread can tell the stream it was clocking was replaced.</summary>
        public int Generation { get; private set; }

        public int Room
        {
            get
            {
                lock (gate)
                {
                    return ring.Length - count;
                }
            }
        }

        public void Restart(int sampleRate)
        {
            lock (gate)
            {
                head = 0;
                count = 0;
                SampleRate = sampleRate;
                Generation++;
            }
        }

        public void Write(byte[] samples, int offset, int count)
        {
            lock (gate)
            {
                if (count > ring.Length - this.count)
                {
                    throw new System.InvalidOperationException("audio ring overrun: write at most Room bytes");
                }

                for (int i = 0; i < count; i++)
                {
                    ring[(head + this.count + i) % ring.Length] = samples[offset + i];
                }

                this.count += count;
            }
        }

        /// <summary>Moves up to frames.Length / FrameBytes samples out as 16-bit little-endian stereo; returns the bytes filled.</summary>
        public int Drain(byte[] frames)
        {
            lock (gate)
            {
                int n = frames.Length / FrameBytes;
                n = n < count ? n : count;
                for (int i = 0; i < n; i++)
                {
                    int sample = (ring[head] - 128) << 8;
                    head = (head + 1) % ring.Length;
                    frames[i * FrameBytes] = (byte)sample;
                    frames[(i * FrameBytes) + 1] = (byte)(sample >> 8);
                    frames[(i * FrameBytes) + 2] = (byte)sample;
                    frames[(i * FrameBytes) + 3] = (byte)(sample >> 8);
                }

                count -= n;
                return n * FrameBytes;
            }
        }
    }
}
