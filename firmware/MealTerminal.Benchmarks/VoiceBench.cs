using System.Diagnostics;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Voice;

namespace MealTerminal.Benchmarks;

/// <summary>
/// The voice on the host: time from the tap (the Tick that reads the card) to the first audio byte
/// handed to the audio port, flash reads and managed allocation per tap, with the shipped Mandarin
/// pack in the device's voice slots and an amount to pay in every prompt.
/// </summary>
public static class VoiceBench
{
    public static void Run(string packPath)
    {
        var bench = new TerminalBench(voiceSectorsPerSlot: FlashLayout.DefaultVoiceSectorsPerSlot);
        if (!bench.Terminal.VoicePacks.Install(File.ReadAllBytes(packPath)))
        {
            throw new InvalidOperationException("the voice pack did not install");
        }

        for (int category = 0; category < ElderCategory.Count; category++)
        {
            bench.Config.Prices.Set(1, category, 1250, 900); // 请付三元五角 after every meal
        }

        var output = new FirstByteClock();
        bench.Terminal.Voice = new ClipVoice(bench.Terminal.VoicePacks, bench.Chip, output);
        var uid = new byte[7];
        for (int i = 0; i < 200; i++)
        {
            TerminalBench.UidOf(i, uid);
            bench.Tap(uid);
        }

        const int Taps = 1000;
        var latencies = new double[Taps];
        long pageReads = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Taps; i++)
        {
            TerminalBench.UidOf(1000 + (i * 7 % 15000), uid);
            bench.Chip.Reset();
            output.Arm();
            long start = Stopwatch.GetTimestamp();
            bench.Tap(uid);
            latencies[i] = (output.FirstWriteAt - start) * 1000.0 / Stopwatch.Frequency;
            pageReads += bench.Chip.PageReads;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Array.Sort(latencies);
        Console.WriteLine($"voice: tap to first audio byte handed to the port: median {latencies[Taps / 2]:F3} ms, p99 {latencies[Taps * 99 / 100]:F3} ms, max {latencies[^1]:F3} ms on this PC; " +
            $"page reads per tap with voice {pageReads / (double)Taps:F2}; managed bytes allocated per tap {allocated / (double)Taps:F1} ({allocated} over {Taps} taps)");
    }

    /// <summary>An I2S ring that always has room (drained by its thread in time) and notes when the first byte of a prompt arrives.</summary>
    private sealed class FirstByteClock : IAudioOut
    {
        private bool waiting;
        private bool armed;

        public long FirstWriteAt { get; private set; }

        public int Room => 4096;

        /// <summary>Times the next prompt: its first byte is the first write after the next restart (the old prompt's tail does not count).</summary>
        public void Arm() => waiting = true;

        public void Restart(int sampleRate)
        {
            armed = waiting;
            waiting = false;
        }

        public void Write(byte[] samples, int offset, int count)
        {
            if (armed)
            {
                FirstWriteAt = Stopwatch.GetTimestamp();
                armed = false;
            }
        }
    }
}
