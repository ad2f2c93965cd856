#nullable disable // MealTerminal.Device.Tests compiles this file with nullable warnings on; the device build has none
using System;
using System.Device.I2s;
using System.Threading;
using MealTerminal.Core.Voice;
using MealTerminal.Drivers.NorFlash;
using MealTerminal.Drivers.Rtc;
using MealTerminal.Drivers.Voice;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// Voice option A: the MAX98357A on the ESP32's I2S bus, fed by a thread of its own. The main
    /// loop (ClipVoice) only fills the ring and wakes the thread, so no tap waits for audio; the thread
    /// drains the ring as 16-bit stereo into I2sDevice.Write. On the ESP32 that write waits in native
    /// code (i2s_write, portMAX_DELAY) while the DMA buffers are full, and a native wait stops every
    /// managed thread, so the thread sleeps first until a chunk fits (I2sPacer) and never hands the
    /// bus more than AheadFrames. A new prompt (Restart) empties the ring: what the elder still hears
    /// of the old one is what the DMA holds, at most AheadFrames, 96 ms at 8 kHz. The bus is opened at
    /// the stream's rate on first use and again only if a pack with another rate arrives (allocation
    /// then, on this thread, never on the tap path).
    /// </summary>
    public sealed class I2sSpeaker : IAudioOut
    {
        /// <summary>I2sConnectionSettings bus 1: the ESP32's I2S0, the pins routed as DeviceFunction.I2S1_*.</summary>
        public const int BusId = 1;

        /// <summary>
        /// DMA bytes: the native code makes BufferSize / (256 frames * 4 bytes) buffers of 256 frames,
        /// so 4096 gives four, 128 ms at 8 kHz: enough to ride out a main loop that holds the nanoCLR for
        /// a flash erase, short enough that a cut-off prompt stops soon (the default 10000 keeps 312 ms).
        /// </summary>
        public const int DmaBytes = 4096;

        /// <summary>Frames the DMA buffers take without a write waiting: all but the one playing.</summary>
        public const int AheadFrames = 3 * 256;

        /// <summary>Bytes handed to the bus per write: 128 samples, 16 ms at 8 kHz.</summary>
        public const int ChunkBytes = 128 * I2sAudioRing.FrameBytes;

        private readonly I2sAudioRing ring;
        private readonly IMillisecondCounter counter;
        private readonly IDelay delay;
        private readonly AutoResetEvent wake = new AutoResetEvent(false);
        private readonly byte[] frames = new byte[ChunkBytes];
        private readonly I2sPacer pacer = new I2sPacer(AheadFrames);
        private I2sDevice device;
        private int deviceRate;

        /// <param name="counter">The terminal's millisecond counter (TickCounter), to pace the writes.</param>
        /// <param name="delay">How the thread sleeps while the DMA is full (ThreadDelay: Thread.Sleep lets the main loop run).</param>
        public I2sSpeaker(I2sAudioRing ring, IMillisecondCounter counter, IDelay delay)
        {
            this.ring = ring;
            this.counter = counter;
            this.delay = delay;
        }

        /// <summary>Rate the bus was last opened at, 0 before the first prompt.</summary>
        public int BusRate
        {
            get { return deviceRate; }
        }

        public int Room
        {
            get { return ring.Room; }
        }

        public void Restart(int sampleRate)
        {
            ring.Restart(sampleRate);
            wake.Set();
        }

        public void Write(byte[] samples, int offset, int count)
        {
            ring.Write(samples, offset, count);
            wake.Set();
        }

        /// <summary>Starts the playback thread (Program, once).</summary>
        public void Start()
        {
            new Thread(Run).Start();
        }

        /// <summary>Hands everything queued to the bus, a chunk at a time; returns when the ring is empty.</summary>
        public void PlayQueued()
        {
            while (true)
            {
                int wait = pacer.MillisecondsBefore(ChunkBytes / I2sAudioRing.FrameBytes, counter.Milliseconds);
                if (wait > 0)
                {
                    delay.WaitMicroseconds(wait * 1000); // a sleep lets the main loop run; a full DMA would not
                    continue;
                }

                int rate = ring.SampleRate;
                int n = ring.Drain(frames);
                if (n == 0)
                {
                    return;
                }

                if (rate != deviceRate)
                {
                    Open(rate);
                    pacer.Start(rate, counter.Milliseconds);
                }

                device.Write(new SpanByte(frames, 0, n));
                pacer.Handed(n / I2sAudioRing.FrameBytes);
            }
        }

        private void Run()
        {
            while (true)
            {
                wake.WaitOne();
                try
                {
                    PlayQueued();
                }
                catch (Exception)
                {
                    Close(); // a bus fault costs the rest of this prompt; the next one opens the bus again
                }
            }
        }

        private void Open(int rate)
        {
            Close();
            I2sConnectionSettings settings = new I2sConnectionSettings(BusId);
            settings.Mode = I2sMode.Master | I2sMode.Tx; // exactly this pair: other modes make the native code clock 32-bit words
            settings.BitsPerSample = I2sBitsPerSample.Bit16;
            settings.ChannelFormat = I2sChannelFormat.RightLeft;
            settings.CommunicationFormat = I2sCommunicationFormat.I2S; // Philips I2S, what the MAX98357A takes with SD_MODE open
            settings.SampleRate = rate;
            settings.BufferSize = DmaBytes;
            device = new I2sDevice(settings);
            deviceRate = rate;
        }

        private void Close()
        {
            if (device != null)
            {
                device.Dispose();
                device = null;
            }

            deviceRate = 0;
        }
    }
}
