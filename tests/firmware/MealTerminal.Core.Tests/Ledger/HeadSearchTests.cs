using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Tests.Ledger;

/// <summary>
/// The mount finds the ring's head from a few sector headers (a binary search) and must agree with
/// reading every header: the newest valid header wins, the lowest index on a tie. Ring states are
/// written header by header: sectors in ring order with rising first sequences, the one after the
/// head torn, half-erased or still holding its old header, and headers unreadable where no cut
/// could leave them, which would turn a bare binary search aside.
/// </summary>
public class HeadSearchTests
{
    private const int StateSectors = 2;
    private const int SlotsPerSector = (4096 - MealLedger.HeaderSize) / RecordCodec.Size;

    public enum Kind { Valid, Torn, Erased, Zeroed }

    internal sealed class Ring(int sectors)
    {
        public readonly Kind[] Kinds = new Kind[sectors];
        public readonly uint[] Firsts = new uint[sectors];
        public uint Acknowledged;

        public int Count => Kinds.Length;

        /// <summary>A ring that has wrapped: the oldest sector right after the head.</summary>
        public static Ring Wrapped(int sectors, int head, uint oldest)
        {
            var ring = new Ring(sectors);
            for (int k = 0; k < sectors; k++)
            {
                int s = (head + 1 + k) % sectors;
                ring.Firsts[s] = oldest + ((uint)k * SlotsPerSector);
            }

            return ring;
        }

        /// <summary>A ring not yet wrapped: sectors 0..head written, the rest erased.</summary>
        public static Ring Filling(int sectors, int head)
        {
            var ring = new Ring(sectors);
            for (int s = 0; s < sectors; s++)
            {
                ring.Kinds[s] = s <= head ? Kind.Valid : Kind.Erased;
                ring.Firsts[s] = 1 + ((uint)s * SlotsPerSector);
            }

            return ring;
        }

        /// <summary>What reading every header finds: the index of the newest valid one, -1 when none is valid.</summary>
        public int SweptHead()
        {
            int head = -1;
            for (int s = 0; s < Count; s++)
            {
                if (Kinds[s] == Kind.Valid && (head < 0 || Firsts[s] > Firsts[head]))
                {
                    head = s;
                }
            }

            return head;
        }

        public uint ExpectedNext()
        {
            int head = SweptHead();
            uint next = Acknowledged + 1;
            return head >= 0 && Firsts[head] > next ? Firsts[head] : next;
        }

        public RamFlash Write()
        {
            var flash = new RamFlash(StateSectors + Count, 4096, 256);
            var header = new byte[MealLedger.HeaderSize];
            for (int s = 0; s < Count; s++)
            {
                if (Kinds[s] == Kind.Erased)
                {
                    continue;
                }

                Array.Fill(header, (byte)0xFF);
                LittleEndian.WriteUInt32(header, 0, MealLedger.SectorMagic);
                LittleEndian.WriteUInt16(header, 4, MealLedger.FormatVersion);
                LittleEndian.WriteUInt32(header, 8, 7);
                LittleEndian.WriteUInt32(header, 12, Firsts[s]);
                LittleEndian.WriteUInt32(header, 16, 0x5EED);
                LittleEndian.WriteUInt32(header, 28, Crc32.Compute(header, 0, 28));
                if (Kinds[s] == Kind.Torn)
                {
                    Array.Fill(header, (byte)0xFF, 12, 20); // the program cut after the erase count
                }
                else if (Kinds[s] == Kind.Zeroed)
                {
                    Array.Fill(header, (byte)0);
                }

                flash.Program((StateSectors + s) * 4096, header, 0, header.Length);
            }

            return flash;
        }
    }

    internal static MealLedger Mount(RamFlash flash, int sectors, uint acknowledged)
    {
        var state = new StateLog(flash, 0);
        state.Mount();
        if (acknowledged > 0)
        {
            state.Set(StateLog.KeyUploadCursor, acknowledged);
        }

        var ledger = new MealLedger(flash, state, StateSectors, sectors);
        ledger.Mount();
        return ledger;
    }

    private static MealLedger Mount(Ring ring) => Mount(ring.Write(), ring.Count, ring.Acknowledged);

    [Fact]
    public void AFullRing_IsMountedFromAFewHeaders_NotFromEverySector()
    {
        var ring = Ring.Wrapped(2802, 1900, 5_000_000);
        var ledger = Mount(ring);
        Assert.Equal(ring.ExpectedNext(), ledger.NextSequence);
        int headersRead = (ledger.BytesReadAtMount - (2 * 256) - RecordCodec.Size * 2) / MealLedger.HeaderSize;
        Assert.InRange(headersRead, 1, 16);
    }

    [Theory]
    [InlineData(Kind.Torn)]
    [InlineData(Kind.Erased)]
    [InlineData(Kind.Zeroed)]
    public void AnUnreadableHeaderAnywhere_DoesNotTurnTheSearchAside(Kind kind)
    {
        const int Sectors = 16;
        for (int head = 0; head < Sectors; head++)
        {
            for (int bad = 0; bad < Sectors; bad++)
            {
                var ring = Ring.Wrapped(Sectors, head, 1000);
                ring.Kinds[bad] = kind;
                Assert.True(ring.ExpectedNext() == Mount(ring).NextSequence, $"head {head}, {kind} header at {bad}");
            }
        }
    }

    [Theory]
    [InlineData(Kind.Torn)]
    [InlineData(Kind.Erased)]
    [InlineData(Kind.Zeroed)]
    public void ARingNotYetWrapped_WithAnUnreadableHeader_MountsAtItsNewestSector(Kind kind)
    {
        const int Sectors = 16;
        for (int head = 0; head < Sectors; head++)
        {
            for (int bad = 0; bad <= head + 1 && bad < Sectors; bad++)
            {
                var ring = Ring.Filling(Sectors, head);
                ring.Kinds[bad] = kind;
                Assert.True(ring.ExpectedNext() == Mount(ring).NextSequence, $"head {head}, {kind} header at {bad}");
            }
        }
    }

    [Fact]
    public void AFreshChip_MountsEmpty()
    {
        var ring = Ring.Filling(40, -1);
        var ledger = Mount(ring);
        Assert.Equal(1u, ledger.NextSequence);
        Assert.Equal(1u, ledger.OldestSequence);
        Assert.Equal(0, ledger.UsedPercent);
    }

    [Fact]
    public void AWrappedLedger_AfterARemount_ReadsEveryStoredRecord_AndKeepsItsGauge()
    {
        const int Sectors = 24;
        var flash = new RamFlash(StateSectors + Sectors, 4096, 256);
        var ledger = Mount(flash, Sectors, 0);
        for (uint i = 1; i <= 15_000; i++)
        {
            var meal = new MealRecord { Verdict = VerdictCode.Accepted, ElderId = i, ClockValid = true, Time = 1000 + i, Period = 1 };
            Assert.True(ledger.Append(meal));
            if (i % 500 == 0)
            {
                ledger.Acknowledge(i - 2_000);
            }
        }

        int used = ledger.UsedPercent;
        uint oldest = ledger.OldestSequence;
        ledger = Mount(flash, Sectors, 0);
        Assert.Equal(15_001u, ledger.NextSequence);
        Assert.Equal(oldest, ledger.OldestSequence);
        Assert.Equal(used, ledger.UsedPercent);
        Assert.True(oldest > 1 && oldest < 15_000 - (Sectors - 2) * SlotsPerSector, $"oldest {oldest}");
        var record = new MealRecord();
        for (uint seq = oldest; seq < ledger.NextSequence; seq++)
        {
            Assert.True(ledger.TryRead(seq, record) && record.ElderId == seq, $"sequence {seq}");
        }

        Assert.False(ledger.TryRead(oldest - 1, record));
        Assert.False(ledger.TryRead(ledger.NextSequence, record));
    }
}
