using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests;

/// <summary>Builds wire batches the way a terminal does, for gateway tests.</summary>
public static class Batches
{
    /// <summary>A batch of lunch meals on 2026-11-23 for sequences first..first+count-1.</summary>
    public static byte[] Meals(string terminal, uint first, int count, int category = 1, uint epoch = 0)
    {
        var buffer = new byte[RecordBatchCodec.MaxBatchSize(terminal)];
        int at = RecordBatchCodec.HeaderSize(terminal);
        var lunch = LocalTime.ToRecordSeconds(new DateTime(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc)); // 12:00 +08:00
        for (int i = 0; i < count; i++)
        {
            var record = new MealRecord
            {
                Verdict = VerdictCode.Accepted, Period = 1, Category = category, ClockValid = true,
                ElderId = (uint)(100 + first + i), Time = lunch + (uint)i, BootCount = 1,
            };
            at = RecordBatchCodec.WriteRecord(buffer, at, record);
        }

        RecordBatchCodec.WriteHeader(buffer, terminal, epoch, first, count);
        int length = RecordBatchCodec.Finish(buffer, at);
        return buffer[..length];
    }

    /// <summary>The same batch in format 1, as firmware before ledger epochs sends it: no epoch field.</summary>
    public static byte[] Legacy(byte[] batch)
    {
        int epochAt = 2 + batch[1];
        var legacy = batch[..epochAt].Concat(batch[(epochAt + 4)..^4]).ToArray();
        legacy[0] = RecordBatchCodec.LegacyFormatVersion;
        return legacy.Concat(BitConverter.GetBytes(MealTerminal.Core.Integrity.Crc32.Compute(legacy, 0, legacy.Length))).ToArray();
    }
}

/// <summary>Batches with a gap record, as a terminal sends for a ledger record it cannot read back.</summary>
public static class GapBatches
{
    /// <summary>Lunch meals for first..first+count-1 (as <see cref="Batches.Meals"/>) with the record at sequence gap sent as a gap.</summary>
    public static byte[] MealsWithGap(string terminal, uint first, int count, uint gap)
    {
        var meals = Batches.Meals(terminal, first, count);
        int at = RecordBatchCodec.HeaderSize(terminal) + ((int)(gap - first) * RecordBatchCodec.FixedRecordSize);
        RecordBatchCodec.WriteGap(meals, at);
        RecordBatchCodec.Finish(meals, meals.Length - 4);
        return meals;
    }
}
