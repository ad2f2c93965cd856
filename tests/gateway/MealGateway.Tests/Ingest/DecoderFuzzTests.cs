using System.Buffers;
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
        AckCodec.Encode(valid, 0, 123456, 0x5EED1234);
        for (int i = 0; i < Iterations / 5; i++)
        {
            byte[] payload = i % 2 == 0 ? RandomBytes(random, random.Next(0, 24)) : Mutate(random, valid);
            var buffer = new byte[Math.Max(payload.Length, AckCodec.Size)];
            payload.CopyTo(buffer, 0);
            if (AckCodec.TryDecode(buffer, payload.Length, out int status, out uint sequence, out uint epoch))
            {
                Assert.Equal(AckCodec.Size, payload.Length);
                Assert.Equal(Crc32.Compute(payload, 0, 10), LittleEndian.ReadUInt32(payload, 10));
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

    /// <summary>The gateway's decoders of time requests and fetches, through DownloadService as a terminal's message reaches it.</summary>
    [Fact]
    public void TimeRequestAndFetchDecoders_SurviveRandomAndMutatedInput()
    {
        var random = new Random(4);
        var request = new byte[TimeCodec.RequestSize];
        TimeCodec.EncodeRequest(request, 0x00070001);
        var fetch = new byte[DownloadCodec.FetchSize];
        DownloadCodec.EncodeFetch(fetch, DownloadCodec.KindRoster, 3, 4096, 1024);
        string directory = Directory.CreateTempSubdirectory("fuzz-").FullName;
        try
        {
            using var store = new MealGateway.Storage.MealStore(directory, 8 * 60);
            var images = new MealGateway.Downloads.SiteImages(store);
            var entries = Enumerable.Range(0, 400).Select(n =>
            {
                var e = new MealTerminal.Core.Roster.RosterEntry { ElderId = (uint)(n + 1), ValidToDay = 0xFFFF };
                MealTerminal.Core.Cards.CardKey.FromUid([0x04, 1, (byte)(n >> 8), (byte)n, 2, 3, 4], 7, e.CardKey, 0);
                return e;
            }).ToArray();
            for (int v = 0; v < 3; v++)
            {
                images.ImportRoster("S01", entries, "fuzz", DateTime.UtcNow); // version 3: some fetches reach real chunks
            }
            var downloads = new MealGateway.Downloads.DownloadService(images, TimeProvider.System);
            int answered = 0;
            for (int i = 0; i < Iterations / 10; i++)
            {
                bool time = i % 2 == 0;
                byte[] payload = i % 5 == 0 ? RandomBytes(random, random.Next(0, 40)) : Mutate(random, time ? request : fetch);
                var result = time ? downloads.AnswerTime("S01", "T01", payload, out var answer) : downloads.AnswerFetch("S01", "T01", payload, out answer);
                Assert.Equal(result == MealGateway.Downloads.RequestRejection.None, answer is not null);
                if (answer is not null)
                {
                    answered++;
                    var bytes = answer.Payload.ToArray();
                    Assert.True(time ? TimeCodec.TryDecodeAnswer(bytes, bytes.Length, out _, out _, out _)
                        : DownloadCodec.TryDecodeChunk(bytes, bytes.Length, out _, out _, out _, out _, out _), "the gateway's own answer does not decode");
                }
            }

            Assert.True(answered > 0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The terminal's decoders of what the gateway sends: time answers, offers, chunks and config images.</summary>
    [Fact]
    public void TerminalSideDecoders_SurviveRandomAndMutatedInput()
    {
        var random = new Random(5);
        var answer = new byte[TimeCodec.AnswerSize];
        TimeCodec.EncodeAnswer(answer, 9, 222_000_000, 999);
        var offer = new byte[DownloadCodec.OfferSize];
        DownloadCodec.EncodeOffer(offer, DownloadCodec.KindConfig, 4, 300, 0xCAFEF00D, 1024);
        var data = RandomBytes(random, 300);
        var chunk = new byte[300 + DownloadCodec.ChunkOverhead];
        DownloadCodec.EncodeChunk(chunk, DownloadCodec.KindRoster, DownloadCodec.StatusOk, 2, 1024, data, 0, 300);
        var config = new byte[MealTerminal.Core.Meals.ConfigImage.MaxSize];
        var values = new MealTerminal.Core.Meals.ConfigValues { Version = 3, Periods = MealTerminal.Core.Meals.TerminalConfig.DefaultPeriods() };
        config = config[..MealTerminal.Core.Meals.ConfigImage.Encode(config, values, out _)];
        var seeds = new[] { answer, offer, chunk, config };
        var into = new DownloadOffer();
        var decoded = new MealTerminal.Core.Meals.ConfigValues();
        int accepted = 0;
        for (int i = 0; i < Iterations / 10; i++)
        {
            int kind = i % 4;
            byte[] payload = i % 7 == 0 ? RandomBytes(random, random.Next(0, 400)) : Mutate(random, seeds[kind]);
            var buffer = new byte[Math.Max(payload.Length, 16) + 8];
            payload.CopyTo(buffer, 0);
            bool ok = kind switch
            {
                0 => TimeCodec.TryDecodeAnswer(buffer, payload.Length, out _, out _, out int ms) && ms < 1000,
                1 => DownloadCodec.TryDecodeOffer(buffer, payload.Length, into) && into.Size > 0 && into.ChunkSize <= DownloadCodec.MaxChunk,
                2 => DownloadCodec.TryDecodeChunk(buffer, payload.Length, out _, out _, out _, out _, out int n) && n + DownloadCodec.ChunkOverhead == payload.Length,
                _ => MealTerminal.Core.Meals.ConfigImage.TryDecode(buffer, payload.Length, decoded) is int length && length > 0
                    && length <= payload.Length && MealTerminal.Core.Meals.ConfigImage.Check(decoded) is null,
            };
            accepted += ok ? 1 : 0;
        }

        Assert.True(accepted > 0, "no mutated message got past the CRC: the mutations do not reach the fields");
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

        RecordBatchCodec.WriteHeader(buffer, "T01", 0x5EED1234, 9, 10);
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
