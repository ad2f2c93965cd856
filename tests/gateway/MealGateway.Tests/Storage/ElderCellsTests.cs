using MealGateway.Ingest;
using MealGateway.Storage;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Storage;

/// <summary>
/// Ingest appends each group's elder meals as deltas and settlement folds them into the cells;
/// what a reader sees must not depend on whether, or when, a fold ran.
/// </summary>
public sealed class ElderCellsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("elder-cells-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void CellsRead_AreTheSameWhetherFoldedAfterEveryGroup_OrNever()
    {
        var random = new Random(20261201);
        var groups = Enumerable.Range(0, 12).Select(g => Group(random, g)).ToList();
        using var folded = new MealStore(Path.Combine(root, "folded"), 480);
        using var never = new MealStore(Path.Combine(root, "never"), 480);
        var received = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        foreach (var group in groups)
        {
            folded.StoreBatches(group, received);
            never.StoreBatches(group, received);
            folded.FoldElderMeals("2026-11");
        }

        var expected = never.ElderCellsOf("2026-11");
        var actual = folded.ElderCellsOf("2026-11");
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        Assert.True(expected.Sum(c => c.Meals.Length) > 200);
        Assert.Contains(expected, c => c.Meals.Distinct().Count() > 1); // meal order is visible to the comparison
    }

    [Fact]
    public void AFoldLeavesNoDeltas_AndFoldingAgainChangesNothing()
    {
        using var store = new MealStore(Path.Combine(root, "store"), 480);
        store.StoreBatches(Group(new Random(7), 0), new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc));
        var before = store.ElderCellsOf("2026-11").Select(Describe).ToList();
        Assert.True(store.FoldElderMeals("2026-11") > 0);
        Assert.Equal(0, store.FoldElderMeals("2026-11"));
        Assert.Equal(before, store.ElderCellsOf("2026-11").Select(Describe));
        Assert.Empty(store.ElderCellsOf("2026-10"));
    }

    private static string Describe(ElderMonthCell c) => $"{c.Id}:{Convert.ToHexString(c.Meals)}";

    /// <summary>One batch per terminal (three terminals, two sites) of meals by 20 elders on random days and periods of November.</summary>
    private static List<IncomingBatch> Group(Random random, int index) =>
        Enumerable.Range(1, 3).Select(t =>
        {
            string terminal = $"T0{t}";
            var records = Enumerable.Range(0, 10).Select(_ => new MealRecord
            {
                Verdict = VerdictCode.Accepted, Period = random.Next(3), Category = 1, ClockValid = true, BootCount = 1,
                ElderId = (uint)(100 + random.Next(20)),
                Time = LocalTime.ToRecordSeconds(new DateTime(2026, 11, 1 + random.Next(28), 0, 0, 0, DateTimeKind.Utc)) + (uint)random.Next(3600),
            }).ToArray();
            return new IncomingBatch(t == 3 ? "S02" : "S01", Decode(terminal, (uint)(index * 10) + 1, records));
        }).ToList();

    private static DecodedBatch Decode(string terminal, uint first, MealRecord[] records)
    {
        var buffer = new byte[RecordBatchCodec.MaxBatchSize(terminal)];
        int at = RecordBatchCodec.HeaderSize(terminal);
        foreach (var record in records)
        {
            at = RecordBatchCodec.WriteRecord(buffer, at, record);
        }

        RecordBatchCodec.WriteHeader(buffer, terminal, 0, first, records.Length);
        int length = RecordBatchCodec.Finish(buffer, at);
        Assert.Equal(BatchRejection.None, BatchDecoder.TryDecode(buffer[..length], terminal, out var batch));
        return batch!;
    }
}
