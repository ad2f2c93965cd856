using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Sync;

/// <summary>
/// Issue #13 item 8: one record that no longer reads back (its slot rotted, or it was torn and
/// read whole only once) stopped every upload for good, and the ring filled until every meal was
/// refused. It is now sent as an explicit gap record and acknowledged like any other.
/// </summary>
public class LedgerGapTests
{
    [Fact]
    public void AnUnreadableFirstRecord_IsSentAsAGap_AndTheAckCoversIt()
    {
        var rig = Rig(meals: 5);
        Corrupt(rig, sequence: 1);
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();

        var records = Records(Assert.Single(rig.Uplink.Batches));
        Assert.Equal(5, records.Count);
        AssertGap(records[0]);
        Assert.All(records.Skip(1), r => Assert.Equal(1, r.Verdict));
        Assert.Equal(1, rig.Terminal.Sync.GapsSent);
        rig.Uplink.DeliverAck(5);
        rig.Terminal.Tick();
        Assert.Equal(5u, rig.Terminal.Ledger.AcknowledgedSequence);
    }

    [Fact]
    public void AnUnreadableRecordInTheMiddle_IsAGapBetweenItsNeighbours()
    {
        var rig = Rig(meals: 4);
        Corrupt(rig, sequence: 3);
        rig.Uplink.IsConnected = true;
        rig.Terminal.Tick();

        var records = Records(Assert.Single(rig.Uplink.Batches));
        Assert.Equal(new[] { 1, 1, RecordBatchCodec.GapVerdict, 1 }, records.Select(r => r.Verdict));
        AssertGap(records[2]);
    }

    [Fact]
    public void ARecordThatReadsBackOnASecondTry_IsSentWhole()
    {
        var rig = Rig(meals: 3);
        var flaky = new FirstReadCorruptFlash((RamFlash)rig.Flash, SlotAddress(rig, 2));
        var session = new SyncSession(Mounted(flaky), rig.Uplink, "T01");
        flaky.Arm();
        rig.Uplink.IsConnected = true;
        session.Step(0);

        var records = Records(Assert.Single(rig.Uplink.Batches));
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(1, r.Verdict));
        Assert.Equal(0, session.GapsSent);
    }

    private static TerminalRig Rig(int meals)
    {
        var rig = new TerminalRig();
        rig.Clock.SetLocal(2026, 11, 23, 11, 30);
        for (int i = 0; i < meals; i++)
        {
            Assert.Equal(1, rig.Tap(TerminalRig.Uid(i)));
        }

        return rig;
    }

    private static MealLedger Mounted(IFlash flash)
    {
        var layout = new FlashLayout(flash, TerminalRig.MaxRoster);
        var state = new StateLog(flash, layout.StateFirstSector);
        state.Mount();
        var ledger = new MealLedger(flash, state, layout.LedgerFirstSector, layout.LedgerSectorCount);
        ledger.Mount();
        return ledger;
    }

    /// <summary>The flash address of a record written in the ledger's first sector (one slot per known card).</summary>
    private static int SlotAddress(TerminalRig rig, uint sequence)
    {
        var layout = new FlashLayout(rig.Flash, TerminalRig.MaxRoster);
        return (layout.LedgerFirstSector * rig.Flash.SectorSize) + MealLedger.HeaderSize + ((int)(sequence - 1) * RecordCodec.Size);
    }

    /// <summary>Clears bits of the record's time field: its CRC no longer holds (NOR can only lose ones).</summary>
    private static void Corrupt(TerminalRig rig, uint sequence)
    {
        var memory = ((RamFlash)rig.Flash).Memory;
        int at = SlotAddress(rig, sequence) + 8;
        Assert.Equal(sequence, rig.Terminal.Ledger.TryRead(sequence, new MealRecord()) ? sequence : 0);
        memory[at] &= 0x0F;
        memory[at + 1] &= 0xF0;
        Assert.False(rig.Terminal.Ledger.TryRead(sequence, new MealRecord()));
    }

    private static List<MealRecord> Records(byte[] batch)
    {
        var list = new List<MealRecord>();
        int at = RecordBatchCodec.HeaderSize("T01");
        while (at < batch.Length - 4)
        {
            var record = new MealRecord();
            at = RecordBatchCodec.ReadRecord(batch, at, batch.Length - 4, record);
            Assert.True(at > 0);
            list.Add(record);
        }

        return list;
    }

    private static void AssertGap(MealRecord r) =>
        Assert.Equal((RecordBatchCodec.GapVerdict, 0, 0, false, 0, 0u, 0u), (r.Verdict, r.Period, r.Category, r.ClockValid, r.BootCount, r.ElderId, r.Time));

    /// <summary>Garbles the first read that starts at one address, as a disturbed SPI read would; later reads are clean.</summary>
    private sealed class FirstReadCorruptFlash(RamFlash inner, int address) : IFlash
    {
        private bool armed;
        private bool garbled;

        public int PageSize => inner.PageSize;

        public int SectorSize => inner.SectorSize;

        public int SectorCount => inner.SectorCount;

        public void Read(int at, byte[] buffer, int offset, int count)
        {
            inner.Read(at, buffer, offset, count);
            if (armed && !garbled && at == address)
            {
                garbled = true;
                buffer[offset] ^= 0x5A;
            }
        }

        public void Arm() => armed = true;

        public void Program(int at, byte[] data, int offset, int count) => inner.Program(at, data, offset, count);

        public void EraseSector(int sector) => inner.EraseSector(sector);
    }
}
