using MealGateway.Ingest;
using MealGateway.Storage;

namespace MealGateway.Tests.Storage;

/// <summary>
/// Issue 13 item 6: a replaced or wiped terminal (new ledger epoch, sequences from 1) must not lose
/// its meals as "duplicates" of the old terminal's sequences; it is refused as an identity conflict
/// until an operator accepts the new epoch, and then stored exactly once.
/// </summary>
public sealed class IdentityConflictTests : IDisposable
{
    private const uint OldEpoch = 0x0BADF00D;
    private const uint NewEpoch = 0x5EED1234;
    private static readonly DateTime Received = new(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc);
    private readonly string directory = Directory.CreateTempSubdirectory("identity-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static DecodedBatch Decode(byte[] payload)
    {
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(payload, "T01", out var batch));
        return batch!;
    }

    private static IEnumerable<AnomalyRecord> Conflicts(MealStore store) =>
        store.Anomalies("S01", "2026-11").Where(a => a.Kind == AnomalyKind.IdentityConflict);

    /// <summary>Fails on the main of issue 13: the wiped terminal's meals were acknowledged as stored (5) and dropped.</summary>
    [Fact]
    public void WipedTerminalOfOlderFirmware_ItsNewMealsAreNotAcknowledgedAsDuplicates()
    {
        using var store = new MealStore(directory, 480);
        store.StoreBatch("S01", Decode(Batches.Legacy(Batches.Meals("T01", 1, 5, category: 1))), Received);

        long acknowledged = store.StoreBatch("S01", Decode(Batches.Legacy(Batches.Meals("T01", 1, 3, category: 2))), Received);

        Assert.Equal(0, acknowledged);
        Assert.All(store.RecordsOf("S01", "T01"), r => Assert.Equal(1, r.Category));
        Assert.Single(Conflicts(store));
    }

    [Fact]
    public void WipedTerminal_NewEpochFromSequence1_IsRefusedWhole_NothingStored_AnomalyRaisedOnce()
    {
        using var store = new MealStore(directory, 480);
        store.Store("S01", Decode(Batches.Meals("T01", 1, 5, epoch: OldEpoch)), Received);

        var first = store.Store("S01", Decode(Batches.Meals("T01", 1, 3, epoch: NewEpoch)), Received);
        var again = store.Store("S01", Decode(Batches.Meals("T01", 1, 3, epoch: NewEpoch)), Received.AddMinutes(10));

        Assert.Equal(new BatchOutcome(BatchRejection.IdentityConflict, 0, OldEpoch), first);
        Assert.Equal(first, again);
        Assert.Equal(5, store.RecordsOf("S01", "T01").Count);
        Assert.Equal(5, store.TalliesForDay("2026-11-23").Sum(t => t.Meals));
        var anomaly = Assert.Single(Conflicts(store));
        Assert.Contains("5eed1234", anomaly.Detail);
        Assert.Contains("0badf00d", anomaly.Detail);
        var state = store.Terminals().Single();
        Assert.Equal(NewEpoch, state.ConflictEpoch);
        Assert.Equal(2, state.BatchesRefusedForConflict);
    }

    [Fact]
    public void SameEpochButOtherContentForAStoredSequence_IsAConflictNotADuplicate()
    {
        using var store = new MealStore(directory, 480);
        store.Store("S01", Decode(Batches.Meals("T01", 1, 5, category: 1, epoch: OldEpoch)), Received);

        var same = store.Store("S01", Decode(Batches.Meals("T01", 1, 5, category: 1, epoch: OldEpoch)), Received);
        var other = store.Store("S01", Decode(Batches.Meals("T01", 4, 3, category: 1, epoch: OldEpoch)), Received); // other times

        Assert.Equal(new BatchOutcome(BatchRejection.None, 5, OldEpoch), same);
        Assert.Equal(BatchRejection.IdentityConflict, other.Status);
        Assert.Equal(5, store.RecordsOf("S01", "T01").Count); // sequence 6 of the refused batch is not stored either
        Assert.Contains("序号 4", Assert.Single(Conflicts(store)).Detail);
    }

    [Fact]
    public void AfterTheOperatorAcceptsTheNewEpoch_ItsMealsAreStoredExactlyOnce_BesideTheOldOnes()
    {
        using var store = new MealStore(directory, 480);
        store.Store("S01", Decode(Batches.Meals("T01", 1, 5, epoch: OldEpoch)), Received);
        store.Store("S01", Decode(Batches.Meals("T01", 1, 3, category: 2, epoch: NewEpoch)), Received);

        var acceptance = store.AcceptEpoch("S01", "T01", "张三", Received.AddHours(1));
        var stored = store.Store("S01", Decode(Batches.Meals("T01", 1, 3, category: 2, epoch: NewEpoch)), Received.AddHours(2));
        var resent = store.Store("S01", Decode(Batches.Meals("T01", 1, 3, category: 2, epoch: NewEpoch)), Received.AddHours(2));
        var oldDevice = store.Store("S01", Decode(Batches.Meals("T01", 6, 1, epoch: OldEpoch)), Received.AddHours(2));

        Assert.Equal(EpochAcceptanceStatus.Accepted, acceptance.Status);
        Assert.Equal(("张三", OldEpoch, NewEpoch, 5L), (acceptance.Change!.AcceptedBy, (uint)acceptance.Change.OldEpoch, (uint)acceptance.Change.NewEpoch, acceptance.Change.SequenceBase));
        Assert.Equal(new BatchOutcome(BatchRejection.None, 3, NewEpoch), stored);
        Assert.Equal(stored, resent);
        Assert.Equal(BatchRejection.IdentityConflict, oldDevice.Status); // the old ledger is now the stranger
        var records = store.RecordsOf("S01", "T01");
        Assert.Equal(8, records.Count);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }, records.Select(r => r.Sequence));
        Assert.All(records.Skip(5), r => Assert.Equal((NewEpoch, 2, LedgerIdentity.BootSpan + 1), ((uint)r.Epoch, r.Category, r.BootCount)));
        Assert.Equal(8, store.TalliesForDay("2026-11-23").Sum(t => t.Meals));
        Assert.Equal(3, store.AcknowledgedOf("S01", "T01"));
    }

    [Fact]
    public void AcceptingWithoutAConflict_ChangesNothing()
    {
        using var store = new MealStore(directory, 480);
        store.Store("S01", Decode(Batches.Meals("T01", 1, 5, epoch: OldEpoch)), Received);

        Assert.Equal(EpochAcceptanceStatus.NoConflict, store.AcceptEpoch("S01", "T01", "张三", Received).Status);
        Assert.Equal(EpochAcceptanceStatus.NoSuchTerminal, store.AcceptEpoch("S01", "T09", "张三", Received).Status);
        Assert.Equal((uint)OldEpoch, (uint)store.Terminals().Single().Epoch);
    }

    [Fact]
    public void NewTerminal_AdoptsTheEpochOfItsFirstBatch()
    {
        using var store = new MealStore(directory, 480);
        Assert.Equal(new BatchOutcome(BatchRejection.None, 3, NewEpoch), store.Store("S01", Decode(Batches.Meals("T01", 1, 3, epoch: NewEpoch)), Received));
        Assert.Equal(new BatchOutcome(BatchRejection.None, 3, NewEpoch), store.AnswerOf("S01", "T01"));
    }
}
