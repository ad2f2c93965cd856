using static MealTerminal.Core.Tests.Ledger.HeadSearchTests;

namespace MealTerminal.Core.Tests.Ledger;

/// <summary>
/// Random ring states, mounted by the head search, against what reading every header (the mount
/// before the search) makes of them: next sequence always; the oldest sequence and the storage
/// gauge, worked out by walking the ring from the head, where no header is unreadable but the one
/// a cut can leave (the sector after the head).
/// </summary>
public class HeadSearchPropertyTests
{
    private const int SlotsPerSector = (4096 - Core.Ledger.MealLedger.HeaderSize) / Core.Ledger.RecordCodec.Size;

    [Fact]
    public void RandomRings_MountAsIfEveryHeaderWereRead()
    {
        var random = new Random(20261201);
        int searched = 0;
        for (int run = 0; run < 3000; run++)
        {
            int sectors = random.Next(3, 48);
            bool wrapped = random.Next(3) > 0;
            int head = wrapped ? random.Next(sectors) : random.Next(-1, sectors);
            Ring ring = wrapped ? Ring.Wrapped(sectors, head, (uint)random.Next(1, 1_000_000)) : Ring.Filling(sectors, head);
            int opened = (head + 1) % sectors;
            ring.Kinds[opened] = wrapped ? (Kind)random.Next(4) : (Kind)(1 + random.Next(3));
            int anomalies = random.Next(3) == 0 ? random.Next(1, 3) : 0;
            for (int i = 0; i < anomalies; i++)
            {
                ring.Kinds[random.Next(sectors)] = (Kind)(1 + random.Next(3));
            }

            int swept = ring.SweptHead();
            ring.Acknowledged = swept < 0 ? 0 : (uint)random.NextInt64(0, ring.Firsts[swept]);
            var flash = ring.Write();
            var ledger = Mount(flash, sectors, ring.Acknowledged);
            string state = $"run {run}: {sectors} sectors, head {head}, wrapped {wrapped}, kinds {string.Join(",", ring.Kinds)}, ack {ring.Acknowledged}";
            Assert.True(ring.ExpectedNext() == ledger.NextSequence, state);
            if (anomalies > 0)
            {
                continue;
            }

            Assert.True(OldestOf(ring, ledger.NextSequence) == ledger.OldestSequence, "oldest, " + state);
            Assert.True(UsedPercentOf(ring, ledger.NextSequence) == ledger.UsedPercent, "used, " + state);
            if (ring.Kinds[0] == Kind.Valid && sectors >= 32)
            {
                searched++;
                Assert.True(ledger.BytesReadAtMount < sectors * 32, "reads, " + state);
            }
        }

        Assert.True(searched > 100);
    }

    private static uint OldestOf(Ring ring, uint next)
    {
        uint oldest = next;
        for (int s = 0; s < ring.Count; s++)
        {
            if (ring.Kinds[s] == Kind.Valid && ring.Firsts[s] < oldest)
            {
                oldest = ring.Firsts[s];
            }
        }

        return oldest;
    }

    /// <summary>The gauge as the mount that read every header worked it out: each sector holding a pending record, the head to its write position.</summary>
    private static int UsedPercentOf(Ring ring, uint next)
    {
        int head = ring.SweptHead();
        if (head < 0)
        {
            return 0;
        }

        long used = 2; // an empty head sector: the mount voids two slots after the last
        for (int s = 0; s < ring.Count; s++)
        {
            if (s == head || ring.Kinds[s] != Kind.Valid)
            {
                continue;
            }

            int newer = (s + 1) % ring.Count;
            bool newerValid = ring.Kinds[newer] == Kind.Valid && ring.Firsts[newer] > ring.Firsts[s];
            uint last = newerValid ? ring.Firsts[newer] - 1 : next - 1;
            if (last > ring.Acknowledged && last >= ring.Firsts[s])
            {
                used += SlotsPerSector;
            }
        }

        return (int)(used * 100 / ((long)ring.Count * SlotsPerSector));
    }
}
