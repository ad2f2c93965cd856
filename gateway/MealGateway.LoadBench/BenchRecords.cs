using MealGateway.Storage;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealGateway.LoadBench;

/// <summary>
/// The records of the run: the same values become terminal ledger records (for the upload) and
/// gateway documents (for the bulk-insert baseline).
/// </summary>
public static class BenchRecords
{
    private static readonly DateTime LunchUtc = new(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc);

    public static string Site(int terminal) => $"S{terminal / 10:D3}";

    public static string Terminal(int terminal) => $"T{terminal:D3}";

    public static MealRecord Meal(int terminal, int index) => new()
    {
        Verdict = VerdictCode.Accepted, Period = 1, Category = (terminal + index) % ElderCategory.Count, ClockValid = true,
        ElderId = (uint)(terminal * 100_000 + index), Time = LocalTime.ToRecordSeconds(LunchUtc) + (uint)(index % 7200), BootCount = 1,
    };

    /// <summary>The document the gateway stores for that record (same fields as MealStore writes).</summary>
    public static StoredRecord Document(int terminal, int index)
    {
        var r = Meal(terminal, index);
        long sequence = index + 1;
        return new StoredRecord
        {
            Id = StoredRecord.KeyOf(Site(terminal), Terminal(terminal), sequence), Site = Site(terminal), Terminal = Terminal(terminal),
            Sequence = sequence, Verdict = r.Verdict, Period = r.Period, Category = r.Category, ClockValid = r.ClockValid,
            BootCount = r.BootCount, ElderId = r.ElderId, Time = r.Time, CardHex = string.Empty,
            Day = DateOnly.FromDateTime(LocalTime.FromRecordSeconds(r.Time).AddHours(8)).ToString("yyyy-MM-dd"), ReceivedUtc = DateTime.UtcNow,
        };
    }
}
