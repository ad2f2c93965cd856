using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Ledger;

public class WearTests
{
    [Fact]
    public void OverALongRun_EveryLedgerSectorIsErasedAsOftenAsTheOthers_WithinOne()
    {
        const int LedgerSectors = 16;
        var chip = new EmulatedNorFlash(2 + LedgerSectors);
        var state = new StateLog(chip, 0);
        state.Mount();
        var ledger = new MealLedger(chip, state, 2, LedgerSectors);
        ledger.Mount();
        var record = new MealRecord { Verdict = VerdictCode.Accepted, ClockValid = true, ElderId = 42, Period = 1 };
        var random = new Random(7);
        for (int i = 0; i < 40 * ledger.Capacity; i++)
        {
            record.ElderId = random.Next(10) == 0 ? 0u : 42u; // some strangers take two slots
            Assert.True(ledger.Append(record));
            if (random.Next(60) == 0)
            {
                ledger.Acknowledge(ledger.NextSequence - 1);
            }

            if (!ledger.HasRoom)
            {
                ledger.Acknowledge(ledger.NextSequence - 1);
            }
        }

        int[] ledgerErases = chip.EraseCounts[2..];
        Assert.True(ledgerErases.Min() >= 30, $"ring turned only {ledgerErases.Min()} times");
        Assert.InRange(ledgerErases.Max() - ledgerErases.Min(), 0, 1);
    }
}
