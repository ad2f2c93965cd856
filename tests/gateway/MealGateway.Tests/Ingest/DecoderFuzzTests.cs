using MealGateway.Ingest;
using MealGateway.Terminals;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Ingest;

/// <summary>
/// Every payload decoder that takes bytes from the network, fed random, truncated and mutated
/// input (with the CRC resealed half the time, so mutations reach the fields behind it): no
/// exception escapes, a refusal always comes with no result, and anything accepted is internally
/// consistent. 100,000 inputs in CI; FUZZ_ITERATIONS=N runs N (for a long run by hand).
/// </summary>
public class DecoderFuzzTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out int n) ? n : 100_000;

    [Fact]
    public void RecordBatchDecoder_SurvivesRandomAndMutatedInput()
    {
        var random = new Random(20261123);
        var seeds = new[] { Batches.Meals("T01", 1, 1), Batches.Meals("T01", 77, 20), Batches.Meals("T01", 4_000_000_000, 100), WithStrangers(random) };
        int accepted = 0;
        for (int i = 0; i < Iterations * 4 / 5; i++)
        {
            byte[] payload = i % 5 == 0 ? RandomBytes(random, random.Next(0, 600)) : Mutate(random, seeds[random.Next(seeds.Length)]);
            var result = BatchDecoder.TryDecode(payload, "T01", out var batch);
            Assert.Equal(result == BatchRejection.None, batch is not null);
            if (batch is not null)
            {
                accepted++;
                Assert.InRange(batch.Records.Count, 1, RecordBatchCodec.MaxRecordsPerBatch);
                Assert.Equal(Enumerable.Range(0, batch.Records.Count).Select(k => batch.FirstSequence + (uint)k), batch.Records.Select(r => r.Sequence));
            }
        }

        Assert.True(accepted > 0, "no mutated batch got past the CRC: the mutations do not reach the fields");
    }

    [Fact]
    public void AcknowledgementDecoder_SurvivesRandomAndMutatedInput()
    {
        var random = new Random(7);
        var valid = new byte[AckCodec.Size];
        AckCodec.Encode(valid, 0, 123456);
        for (int i = 0; i < Iterations / 5; i++)
        {
            byte[] payload = i % 2 == 0 ? RandomBytes(random, random.Next(0, 24)) : Mutate(random, valid);
            var buffer = new byte[Math.Max(payload.Length, AckCodec.Size)];
            payload.CopyTo(buffer, 0);
            if (AckCodec.TryDecode(buffer, payload.Length, out int status, out uint sequence))
            {
                Assert.Equal(AckCodec.Size, payload.Length);
                Assert.Equal(Crc32.Compute(payload, 0, 6), LittleEndian.ReadUInt32(payload, 6));
            }
        }
    }

    [Fact]
    public void StatusDecoder_SurvivesRandomAndMutatedInput()
    {
        var random = new Random(38);
        var status = new TerminalStatus { Online = true, ClockValid = true, FirmwareVersion = 0x010203, RosterVersion = 9, RecordsPending = 1200, StorageUsedPercent = 40, UptimeSeconds = 86_400, BootCount = 12, SignalDbm = -70 };
        var valid = new byte[StatusCodec.Size];
        StatusCodec.Encode(valid, status);
        int accepted = 0;
        for (int i = 0; i < Iterations / 10; i++)
        {
            byte[] payload = i % 4 == 0 ? RandomBytes(random, random.Next(0, 60)) : Mutate(random, i % 4 == 1 ? "offline"u8.ToArray() : valid);
            var result = StatusDecoder.TryDecode(payload, out var report);
            Assert.Equal(result == StatusRejection.None, report is not null);
            if (report is { Online: true })
            {
                accepted++;
                Assert.Equal(StatusCodec.Size, payload.Length);
                Assert.InRange(report.StorageUsedPercent, 0, 100);
            }
        }

        Assert.True(accepted > 0, "no mutated heartbeat got past the CRC: the mutations do not reach the fields");
    }

    private static byte[] WithStrangers(Random random)
    {
        var buffer = new byte[RecordBatchCodec.MaxBatchSize("T01")];
        int at = RecordBatchCodec.HeaderSize("T01");
        var record = new MealRecord { Verdict = 4, Period = 1, ClockValid = true, BootCount = 3, Time = 222_000_000 };
        for (int i = 0; i < 10; i++)
        {
            record.ElderId = i % 2 == 0 ? 0u : (uint)(500 + i);
            random.NextBytes(record.CardKey);
            at = RecordBatchCodec.WriteRecord(buffer, at, record);
        }

        RecordBatchCodec.WriteHeader(buffer, "T01", 9, 10);
        return buffer[..RecordBatchCodec.Finish(buffer, at)];
    }

    /// <summary>Truncates, extends, overwrites 1-4 bytes (often in the header), and half the time reseals the CRC.</summary>
    private static byte[] Mutate(Random random, byte[] valid)
    {
        byte[] copy = random.Next(4) switch
        {
            0 => valid[..random.Next(0, valid.Length + 1)],
            1 => valid.Concat(RandomBytes(random, random.Next(1, 40))).ToArray(),
            _ => (byte[])valid.Clone(),
        };
        int edits = random.Next(1, 5);
        for (int e = 0; e < edits && copy.Length > 0; e++)
        {
            int at = random.Next(2) == 0 ? random.Next(Math.Min(copy.Length, 12)) : random.Next(copy.Length);
            copy[at] = random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => (byte)random.Next(256) };
        }

        if (random.Next(2) == 0 && copy.Length > 4)
        {
            LittleEndian.WriteUInt32(copy, copy.Length - 4, Crc32.Compute(copy, 0, copy.Length - 4));
        }

        return copy;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
