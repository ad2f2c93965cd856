using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Tests.Ledger;

public class MealLedgerTests
{
    private const int LedgerSectors = 4;
    private readonly RamFlash flash = new(2 + LedgerSectors, 4096, 256);

    private MealLedger Mount()
    {
        var state = new StateLog(flash, 0);
        state.Mount();
        var ledger = new MealLedger(flash, state, 2, LedgerSectors);
        ledger.Mount();
        return ledger;
    }

    private static MealRecord Meal(uint elder) => new() { Verdict = VerdictCode.Accepted, ElderId = elder, ClockValid = true, Time = 1000 + elder, Period = 1 };

    [Fact]
    public void AppendedRecords_SurviveARemount_AndSequencesContinue()
    {
        var ledger = Mount();
        for (uint i = 1; i <= 300; i++)
        {
            Assert.True(ledger.Append(Meal(i)));
        }

        ledger = Mount();
        Assert.Equal(301u, ledger.NextSequence);
        var record = new MealRecord();
        Assert.True(ledger.TryRead(200, record));
        Assert.Equal(200u, record.ElderId);
        Assert.True(ledger.Append(Meal(999)));
        Assert.True(ledger.TryRead(301, record));
    }

    [Fact]
    public void FullLedger_RefusesNewRecords_InsteadOfOverwritingUnacknowledgedOnes()
    {
        var ledger = Mount();
        int appended = 0;
        while (ledger.Append(Meal((uint)appended + 1)))
        {
            appended++;
        }

        Assert.Equal(ledger.Capacity, appended);
        var record = new MealRecord();
        Assert.True(ledger.TryRead(1, record));
        Assert.Equal(1u, record.ElderId);
    }

    [Fact]
    public void AcknowledgedSectors_AreReusedAsARing()
    {
        var ledger = Mount();
        for (uint i = 1; i <= 2000; i++)
        {
            if (!ledger.Append(Meal(i)))
            {
                ledger.Acknowledge(ledger.NextSequence - 1);
                Assert.True(ledger.Append(Meal(i)));
            }
        }

        ledger = Mount();
        Assert.Equal(2001u, ledger.NextSequence);
        Assert.True(ledger.AcknowledgedSequence > 0);
        var record = new MealRecord();
        Assert.True(ledger.TryRead(2000, record));
        Assert.Equal(2000u, record.ElderId);
    }

    [Fact]
    public void AcknowledgementBeyondWhatWasWritten_IsIgnored()
    {
        var ledger = Mount();
        ledger.Append(Meal(1));
        ledger.Acknowledge(5);
        Assert.Equal(0u, ledger.AcknowledgedSequence);
        ledger.Acknowledge(1);
        Assert.Equal(1u, Mount().AcknowledgedSequence);
    }
}
