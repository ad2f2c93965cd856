using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Tests.Ledger;

/// <summary>The ledger epoch (issue 13 item 6): chosen with a fresh ledger's first record, kept in every sector header.</summary>
public class LedgerEpochTests
{
    private const int LedgerSectors = 4;
    private readonly RamFlash flash = new(2 + LedgerSectors, 4096, 256);

    private MealLedger Mount(uint salt = 0)
    {
        var state = new StateLog(flash, 0);
        state.Mount();
        var ledger = new MealLedger(flash, state, 2, LedgerSectors) { EpochSalt = salt };
        ledger.Mount();
        return ledger;
    }

    private static MealRecord Meal(uint elder, uint time) => new() { Verdict = VerdictCode.Accepted, ElderId = elder, Time = time, Period = 1 };

    [Fact]
    public void FreshLedger_ChoosesAnEpochWithItsFirstRecord_AndKeepsItInEveryNewSector()
    {
        var ledger = Mount();
        Assert.Equal(LedgerEpoch.Legacy, ledger.Epoch);
        Assert.True(ledger.Append(Meal(5001, 73_512)));
        uint epoch = ledger.Epoch;
        Assert.NotEqual(LedgerEpoch.Legacy, epoch);
        Assert.NotEqual(0xFFFFFFFFu, epoch);

        for (uint i = 0; i < 600; i++)
        {
            ledger.Append(Meal(5002 + i, 80_000 + i)); // into a third sector
        }

        Assert.Equal(epoch, Mount().Epoch);
        for (int sector = 0; sector < 3; sector++)
        {
            Assert.Equal(epoch, LittleEndian.ReadUInt32(flash.Memory, ((2 + sector) * 4096) + 16));
        }
    }

    [Fact]
    public void WipedLedger_StartsANewEpoch_AsItsSequencesRestartAtOne()
    {
        var ledger = Mount();
        ledger.Append(Meal(5001, 73_512));
        uint before = ledger.Epoch;

        for (int sector = 0; sector < 2 + LedgerSectors; sector++)
        {
            flash.EraseSector(sector); // a wiped chip, or a new one: state log and ledger gone
        }

        ledger = Mount();
        ledger.Append(Meal(5001, 73_513)); // the same elder a millisecond later after the wipe
        Assert.Equal(1u, ledger.NextSequence - 1);
        Assert.NotEqual(before, ledger.Epoch);
        Assert.NotEqual(LedgerEpoch.Legacy, ledger.Epoch);
    }

    [Fact]
    public void LedgerWrittenBeforeEpochs_ReadsAsTheLegacyEpoch_AndKeepsIt()
    {
        var ledger = Mount();
        ledger.Append(Meal(5001, 73_512));
        int header = 2 * 4096;
        for (int i = 16; i < 20; i++)
        {
            flash.Memory[header + i] = 0xFF; // the reserved bytes of older firmware, still erased
        }

        LittleEndian.WriteUInt32(flash.Memory, header + 28, Crc32.Compute(flash.Memory, header, 28));

        ledger = Mount();
        Assert.Equal(LedgerEpoch.Legacy, ledger.Epoch);
        for (uint i = 0; i < 300; i++)
        {
            ledger.Append(Meal(5002 + i, 80_000 + i));
        }

        Assert.Equal(LedgerEpoch.Legacy, Mount().Epoch);
    }

    [Fact]
    public void EpochsOfTheSameFirstTap_DifferWithTheMillisecondItCame()
    {
        var epochs = new HashSet<uint>();
        var scratch = new byte[32];
        for (uint ms = 10_000; ms < 12_000; ms++)
        {
            epochs.Add(LedgerEpoch.Choose(Meal(5001, ms), 0x00010000, 0, scratch));
        }

        Assert.Equal(2000, epochs.Count);
    }
}
