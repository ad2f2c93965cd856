using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.SelfTest;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Ledger;

/// <summary>
/// Issue #13 item 8: a program cut by a power loss can leave cells that read 1 now and 0 later.
/// After such a boot the ledger and the state log must not program a record into a slot that only
/// looks erased, and a program that does not stick must not lose a record.
/// </summary>
public class MarginalCellTests
{
    private const int LedgerSectors = 4;

    [Fact]
    public void AfterACutProgram_BootNeverProgramsARecordOverMarginalCells()
    {
        int lookedErased = 0;
        for (int seed = 1; seed <= 300; seed++)
        {
            var chip = new EmulatedNorFlash(2 + LedgerSectors, seed: seed) { MarginalCells = true };
            var (_, ledger) = Mount(chip);
            var written = new List<MealRecord>();
            for (int i = 0; i < 20 + (seed % 7); i++)
            {
                Append(ledger, written, stranger: i % 5 == 4);
            }

            chip.CutPowerAt(1);
            Assert.Throws<PowerCutException>(() => ledger.Append(Record(written.Count, stranger: seed % 3 == 0)));
            // Marginal cells read 1 at this boot (a slot the cut barely touched looks erased) and either way later.
            var after = chip.Copy(seed: seed + 1000);
            after.MarginalReadsZeroChance = 0;
            int cutSlot = Rig.SlotOf(after, ledger.NextSequence);
            lookedErased += after.HasMarginalCells(cutSlot, RecordCodec.Size) && Rig.ReadsErased(after, cutSlot) ? 1 : 0;

            (_, ledger) = Mount(after);
            after.MarginalReadsZeroChance = 0.5;
            uint resumed = ledger.NextSequence;
            for (int i = 0; i < 6; i++)
            {
                Append(ledger, written, stranger: i == 2);
            }

            Assert.True(after.UnsettledPrograms == 0, $"seed {seed}: {after.UnsettledPrograms} programs over marginal cells");
            for (int boot = 0; boot < 3; boot++)
            {
                (_, ledger) = Mount(after.Copy(seed: seed + boot));
                foreach (var r in written.Where(r => r.Sequence < resumed - 1 || r.Sequence >= resumed))
                {
                    var back = new MealRecord();
                    Assert.True(ledger.TryRead(r.Sequence, back), $"seed {seed} boot {boot}: record {r.Sequence} lost");
                    Assert.Equal((r.ElderId, r.Time), (back.ElderId, back.Time));
                }
            }
        }

        Assert.True(lookedErased >= 5, $"only {lookedErased} cut programs left a slot that looked erased");
    }

    [Fact]
    public void ProgramsThatDoNotStick_LoseNoAppendedRecordOrStateValue()
    {
        var chip = new EmulatedNorFlash(2 + LedgerSectors, seed: 5) { ProgramNoopChance = 0.05 };
        var (state, ledger) = Mount(chip);
        var written = new List<MealRecord>();
        for (int i = 0; i < 600; i++)
        {
            if (!ledger.HasRoom)
            {
                ledger.Acknowledge(ledger.NextSequence - 1);
            }

            Append(ledger, written, stranger: i % 9 == 0);
            state.Set(StateLog.KeyLastSync, (uint)i);
        }

        Assert.True(chip.ProgramsDropped >= 20, $"only {chip.ProgramsDropped} programs dropped");
        chip.ProgramNoopChance = 0;
        (state, ledger) = Mount(chip);
        Assert.Equal(599u, state.Get(StateLog.KeyLastSync, 0));
        Assert.Equal(written[^1].Sequence + 1, ledger.NextSequence);
        foreach (var r in written.Where(r => r.Sequence > ledger.AcknowledgedSequence))
        {
            var back = new MealRecord();
            Assert.True(ledger.TryRead(r.Sequence, back), $"record {r.Sequence} lost");
            Assert.Equal(r.ElderId, back.ElderId);
        }
    }

    [Fact]
    public void ReadsDisturbedOnTheBus_NeitherLoseNorReuseASequence_AndUploadNoGap()
    {
        var chip = new EmulatedNorFlash(2 + LedgerSectors, seed: 9);
        var (_, ledger) = Mount(chip);
        var written = new List<MealRecord>();
        chip.ReadErrorChance = 0.1;
        for (int boot = 0; boot < 60; boot++)
        {
            (_, ledger) = Mount(chip);
            Assert.Equal((uint)written.Count + 1, ledger.NextSequence);
            for (int i = 0; i < 3; i++)
            {
                Append(ledger, written, stranger: (boot + i) % 4 == 0);
            }
        }

        var uplink = new LoopbackUplink();
        var session = new MealTerminal.Core.Sync.SyncSession(ledger, uplink, "T01");
        session.Step(0);
        Assert.Single(uplink.Batches);
        Assert.Equal(0, session.GapsSent);
        chip.ReadErrorChance = 0;
        (_, ledger) = Mount(chip);
        Assert.All(written, r => Assert.True(ledger.TryRead(r.Sequence, new MealRecord()), $"record {r.Sequence} lost"));
    }

    private static (StateLog State, MealLedger Ledger) Mount(EmulatedNorFlash chip)
    {
        var state = new StateLog(chip, 0);
        state.Mount();
        var ledger = new MealLedger(chip, state, 2, LedgerSectors);
        ledger.Mount();
        return (state, ledger);
    }

    private static void Append(MealLedger ledger, List<MealRecord> written, bool stranger)
    {
        var record = Record(written.Count, stranger);
        Assert.True(ledger.Append(record));
        written.Add(record);
    }

    private static MealRecord Record(int i, bool stranger)
    {
        var record = new MealRecord
        {
            Verdict = stranger ? VerdictCode.UnknownCard : VerdictCode.Accepted, Period = 1, ClockValid = true, BootCount = 1,
            ElderId = stranger ? 0u : (uint)(100 + i), Time = (uint)(200_000_000 + i),
        };
        if (stranger)
        {
            record.CardKey[0] = 7;
            record.CardKey[1] = (byte)i;
        }

        return record;
    }

    private static class Rig
    {
        /// <summary>The slot address where the record after the last one would go when no slot was voided (a fresh, unbooted ledger).</summary>
        public static int SlotOf(EmulatedNorFlash chip, uint sequence)
        {
            for (int s = 0; s < LedgerSectors; s++)
            {
                int sector = (2 + s) * chip.SectorSize;
                var header = new byte[MealLedger.HeaderSize];
                chip.Read(sector, header, 0, header.Length);
                uint first = BitConverter.ToUInt32(header, 12);
                if (BitConverter.ToUInt32(header, 0) == MealLedger.SectorMagic && first <= sequence && sequence - first < 254)
                {
                    for (int slot = 0; slot < 254; slot++)
                    {
                        if (ReadsErased(chip, sector + MealLedger.HeaderSize + (slot * RecordCodec.Size)))
                        {
                            return sector + MealLedger.HeaderSize + (slot * RecordCodec.Size);
                        }
                    }
                }
            }

            return 0;
        }

        public static bool ReadsErased(EmulatedNorFlash chip, int address)
        {
            var bytes = new byte[RecordCodec.Size];
            chip.Read(address, bytes, 0, bytes.Length);
            return bytes.All(b => b == 0xFF);
        }
    }
}
