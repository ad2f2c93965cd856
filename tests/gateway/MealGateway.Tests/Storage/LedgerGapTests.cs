using MealGateway.Ingest;
using MealGateway.Storage;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Storage;

/// <summary>
/// Issue #13 item 8: a terminal sends a record its ledger cannot read back as a gap record
/// (verdict 0xF0, every other field zero). The gateway keeps it as a gap - not a meal, not
/// tallied, an anomaly "ledger-gap" - and acknowledges past it so the terminal's ring drains.
/// </summary>
public sealed class LedgerGapTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ledgergap-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void AGapRecord_IsStoredAsAGap_NotTallied_ListedAsAnAnomaly_AndAcknowledged()
    {
        using var store = new MealStore(directory, 480);
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(GapBatches.MealsWithGap("T01", 1, 5, gap: 2), "T01", out var batch));

        Assert.Equal(5, store.StoreBatch("S01", batch!, DateTime.UtcNow));
        Assert.Equal(4, store.TalliesForDay("2026-11-23").Sum(t => t.Meals));
        var gap = Assert.Single(store.RecordsOf("S01", "T01"), r => r.Verdict == RecordBatchCodec.GapVerdict);
        Assert.Equal(2, gap.Sequence);
        var anomaly = Assert.Single(store.Anomalies("S01", "2026-11"));
        Assert.Equal((AnomalyKind.LedgerGap, "T01", 2L), (anomaly.Kind, anomaly.Terminal, anomaly.Sequence));
        Assert.Equal("终端记录损坏无法读出（已跳过）", AnomalyKind.ChineseLabel(anomaly.Kind));
        Assert.Equal(1, store.Terminals().Single().LedgerGaps);
        Assert.Empty(store.PendingRecords("S01"));
    }

    [Fact]
    public void AGapSentAgain_IsCountedOnce()
    {
        using var store = new MealStore(directory, 480);
        BatchDecoder.TryDecode(GapBatches.MealsWithGap("T01", 1, 3, gap: 1), "T01", out var batch);
        store.StoreBatch("S01", batch!, DateTime.UtcNow);
        store.StoreBatch("S01", batch!, DateTime.UtcNow);
        Assert.Single(store.Anomalies("S01", "2026-11"));
        Assert.Equal(1, store.Terminals().Single().LedgerGaps);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ARecordAndAGapForOneSequence_AreOneSlotReadTwice_NotAnIdentityConflict(bool gapFirst)
    {
        // A marginal cell can read well once and not later, or the other way round: the terminal
        // then sends one sequence as a record and, unacknowledged, again as a gap (or back).
        using var store = new MealStore(directory, 480);
        BatchDecoder.TryDecode(GapBatches.MealsWithGap("T01", 1, 3, gap: 2), "T01", out var withGap);
        BatchDecoder.TryDecode(Batches.Meals("T01", 1, 3), "T01", out var whole);
        store.StoreBatch("S01", gapFirst ? withGap! : whole!, DateTime.UtcNow);

        var second = store.Store("S01", gapFirst ? whole! : withGap!, DateTime.UtcNow);

        Assert.Equal((BatchRejection.None, 3L), (second.Status, second.Acknowledged));
        Assert.DoesNotContain(store.Anomalies("S01", "2026-11"), a => a.Kind == AnomalyKind.IdentityConflict);
        Assert.Equal(gapFirst ? 2 : 3, store.TalliesForDay("2026-11-23").Sum(t => t.Meals)); // the first stored stays
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    public void AGapRecordWithAnyOtherFieldSet_IsRefused(int field)
    {
        var payload = GapBatches.MealsWithGap("T01", 1, 2, gap: 1);
        payload[RecordBatchCodec.HeaderSize("T01") + field] = 1;
        LittleEndian.WriteUInt32(payload, payload.Length - 4, Crc32.Compute(payload, 0, payload.Length - 4));
        Assert.Equal(BatchRejection.MalformedGap, BatchDecoder.TryDecode(payload, "T01", out _));
    }
}
