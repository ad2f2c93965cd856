using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Ledger;

/// <summary>
/// The head search on a ring large enough for it to matter (20 sectors: the power-cut workload's
/// ledger has 8): a ledger alone is filled and acknowledged around the ring three times, and every
/// sector erase and every program at a sector's start (a header with its first record) is torn on a
/// copy of the chip, with cells left marginal, before a fresh ledger mounts the copy.
/// </summary>
public class HeadSearchPowerCutTests
{
    private const int Sectors = 20;
    private const int SectorSize = 4096;

    [Fact]
    public void ACutAtEverySectorOpen_MountsAtTheRingsHead_LosingNoRecordShown()
    {
        var chip = new EmulatedNorFlash(2 + Sectors) { MarginalCells = true };
        var ledger = Mount(chip);
        uint shown = 0;
        int cuts = 0;
        var failures = new List<string>();
        chip.BeforeMutation = op =>
        {
            bool opensSector = op.IsErase ? op.Sector >= 2 : op.Address >= 2 * SectorSize && op.Address % SectorSize == 0;
            if (!opensSector)
            {
                return;
            }

            cuts++;
            foreach (int seed in new[] { op.Index, op.Index + 100_000 })
            {
                var copy = chip.Copy(seed: seed);
                copy.MarginalReadsZeroChance = seed % 2 == 0 ? 0 : 0.5;
                copy.ApplyTorn(op);
                string? problem = Check(copy, shown, ledger.AcknowledgedSequence);
                if (problem != null && failures.Count < 10)
                {
                    failures.Add($"op {op.Index} ({(op.IsErase ? "erase" : "program")} sector {op.Address / SectorSize}), seed {seed}: {problem}");
                }
            }
        };

        while (shown < 3 * Sectors * 254)
        {
            Assert.True(ledger.Append(Meal(shown + 1)));
            shown++;
            if (shown % 200 == 0 && shown > 600)
            {
                ledger.Acknowledge(shown - 600);
            }
        }

        Assert.Empty(failures);
        Assert.True(cuts >= 2 * 3 * Sectors, $"{cuts} cuts");
    }

    private static string? Check(EmulatedNorFlash copy, uint shown, uint acknowledged)
    {
        var ledger = Mount(copy);
        bool inFlightStored = ledger.NextSequence == shown + 2;
        if (ledger.NextSequence != shown + 1 && !inFlightStored)
        {
            return $"next sequence {ledger.NextSequence} after {shown} shown";
        }

        var record = new MealRecord();
        uint from = Math.Max(acknowledged + 1, ledger.OldestSequence);
        if (ledger.OldestSequence > acknowledged + 1)
        {
            return $"oldest {ledger.OldestSequence} above the first unacknowledged {acknowledged + 1}";
        }

        for (uint s = from; s <= shown; s++)
        {
            if (!ledger.TryRead(s, record) || record.ElderId != s)
            {
                return $"record {s} lost";
            }
        }

        uint next = ledger.NextSequence;
        if (ledger.HasRoom && (!ledger.Append(Meal(next)) || Mount(copy).NextSequence != next + 1))
        {
            return $"record {next} appended after recovery is not there at the next boot";
        }

        if (copy.UnsettledPrograms > 0)
        {
            return "recovery programmed over marginal cells";
        }

        return null;
    }

    private static MealLedger Mount(EmulatedNorFlash chip)
    {
        var state = new StateLog(chip, 0);
        state.Mount();
        var ledger = new MealLedger(chip, state, 2, Sectors);
        ledger.Mount();
        return ledger;
    }

    private static MealRecord Meal(uint elder) =>
        new() { Verdict = VerdictCode.Accepted, ElderId = elder, ClockValid = true, Time = 1000 + elder, Period = 1 };
}
