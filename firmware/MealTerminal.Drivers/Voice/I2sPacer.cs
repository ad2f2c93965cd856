namespace MealTerminal.Drivers.Voice
{
    /// <summary>
    /// Keeps the I2S writer from handing the bus more than its DMA buffers can take. On the ESP32
    /// nanoFramework's I2sDevice.Write is an i2s_write that waits, with portMAX_DELAY, in native code,
    /// for a free DMA buffer: that blocks the whole nanoCLR (managed threads are scheduled inside it),
    /// main loop and taps included. So the writer asks how long to sleep (Thread.Sleep, which lets the
    /// other threads run) before a chunk fits: samples handed so far, less those the bus has clocked
    /// out since the stream started at its rate, plus the chunk, must stay within AheadFrames. When
    /// the bus has run dry the count starts again from now. Allocates nothing.
    /// </summary>
    public sealed class I2sPacer
    {
        private readonly int aheadFrames;
        private int rate;
        private long startMilliseconds;
        private long handed;

        /// <param name="aheadFrames">Frames the DMA buffers hold without a write waiting (fewer than all of them: the one playing is not free).</param>
        public I2sPacer(int aheadFrames)
        {
            this.aheadFrames = aheadFrames;
        }

        /// <summary>Frames handed to the bus and not yet clocked out, as of the last call.</summary>
        public long Queued { get; private set; }

        /// <summary>A new bus (opened at this rate, DMA empty) from now on.</summary>
        public void Start(int sampleRate, long nowMilliseconds)
        {
            rate = sampleRate;
            startMilliseconds = nowMilliseconds;
            handed = 0;
            Queued = 0;
        }

        /// <summary>Milliseconds to wait before this many frames can be written without the write waiting; 0 when they fit now.</summary>
        public int MillisecondsBefore(int frames, long nowMilliseconds)
        {
            if (rate == 0)
            {
                return 0;
            }

            long played = ((nowMilliseconds - startMilliseconds) * rate) / 1000;
            if (played >= handed)
            {
                Start(rate, nowMilliseconds); // ran dry: the bus plays silence, count from here
                played = 0;
            }

            Queued = handed - played;
            long excess = Queued + frames - aheadFrames;
            if (excess <= 0)
            {
                return 0;
            }

            return (int)(((excess * 1000) + rate - 1) / rate);
        }

        /// <summary>Counts frames just written.</summary>
        public void Handed(int frames)
        {
            handed += frames;
            Queued += frames;
        }
    }
}
