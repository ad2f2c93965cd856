using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>
    /// Binary search on a 500-entry roster written to flash entry by entry (never held in RAM
    /// whole; 500 entries, 12 KB of programmed pages, keep the check inside the self-test's 24 KB
    /// heap budget, docs/benchmarks.md).
    /// </summary>
    internal static class RosterChecks
    {
        private const int Entries = 500;

        public static string SearchThousand()
        {
            IFlash flash = WrittenChip();
            int sectors = flash.SectorCount;
            RosterSlot slot = new RosterSlot(flash, 0, sectors);
            if (!slot.LoadHeader() || !slot.VerifyEntries())
            {
                return "roster header or CRC did not check";
            }

            if (slot.EntryCount != Entries)
            {
                return "entry count " + slot.EntryCount.ToString();
            }

            byte[] uid = new byte[4];
            byte[] key = new byte[CardKey.Size];
            RosterEntry entry = new RosterEntry();
            for (int i = 0; i < Entries; i++)
            {
                Uid(i, 0x5A, uid);
                CardKey.FromUid(uid, 4, key, 0);
                if (!slot.TryFind(key, 0, entry))
                {
                    return "card " + i.ToString() + " not found";
                }

                if (entry.ElderId != ElderOf(i) || entry.Index != i || entry.Category != (byte)(i % ElderCategory.Count))
                {
                    return "card " + i.ToString() + " found with elder " + entry.ElderId.ToString() + " at " + entry.Index.ToString();
                }

                Uid(i, 0x5B, uid); // sorts between card i and card i + 1
                CardKey.FromUid(uid, 4, key, 0);
                if (slot.TryFind(key, 0, entry))
                {
                    return "absent card after " + i.ToString() + " was found";
                }
            }

            uid[0] = 0x01;
            CardKey.FromUid(uid, 4, key, 0);
            return slot.TryFind(key, 0, entry) ? "a card before the first entry was found" : null;
        }

        /// <summary>The chip the check searches: the roster image written to RAM flash.</summary>
        internal static IFlash WrittenChip()
        {
            int imageSize = RosterFormat.ImageSize(Entries);
            int sectors = (imageSize + 4095) / 4096;
            SparseRamFlash flash = new SparseRamFlash(sectors, 4096, 256);
            WriteImage(flash);
            return flash;
        }

        /// <summary>Header first (its CRC computed in a first pass), then each 24-byte entry in key order.</summary>
        private static void WriteImage(IFlash flash)
        {
            for (int s = 0; s < flash.SectorCount; s++)
            {
                flash.EraseSector(s);
            }

            byte[] entry = new byte[RosterFormat.EntrySize];
            uint crc = Crc32.Start();
            for (int i = 0; i < Entries; i++)
            {
                Entry(i, entry);
                crc = Crc32.Update(crc, entry, 0, entry.Length);
            }

            byte[] header = new byte[RosterFormat.HeaderSize];
            LittleEndian.WriteUInt32(header, 0, RosterFormat.Magic);
            LittleEndian.WriteUInt16(header, 4, RosterFormat.FormatVersion);
            LittleEndian.WriteUInt16(header, 6, RosterFormat.EntrySize);
            LittleEndian.WriteUInt32(header, 8, 7);
            LittleEndian.WriteUInt32(header, 12, 1);
            LittleEndian.WriteUInt32(header, 16, Entries);
            LittleEndian.WriteUInt32(header, 20, Crc32.Finish(crc));
            LittleEndian.WriteUInt32(header, 24, 0xFFFFFFFF);
            LittleEndian.WriteUInt32(header, 28, Crc32.Compute(header, 0, 28));
            ProgramSpan(flash, 0, header);
            for (int i = 0; i < Entries; i++)
            {
                Entry(i, entry);
                ProgramSpan(flash, RosterFormat.HeaderSize + (i * RosterFormat.EntrySize), entry);
            }
        }

        private static void Entry(int i, byte[] entry)
        {
            byte[] uid = new byte[4];
            Uid(i, 0x5A, uid);
            CardKey.FromUid(uid, 4, entry, 0);
            LittleEndian.WriteUInt32(entry, RosterFormat.OffsetElderId, ElderOf(i));
            entry[RosterFormat.OffsetCategory] = (byte)(i % ElderCategory.Count);
            entry[RosterFormat.OffsetStatus] = (byte)CardStatus.Active;
            LittleEndian.WriteUInt16(entry, RosterFormat.OffsetValidFrom, 0);
            LittleEndian.WriteUInt16(entry, RosterFormat.OffsetValidTo, RosterFormat.NoUpperBound);
            entry[21] = 0xFF;
            entry[22] = 0xFF;
            entry[23] = 0xFF;
        }

        /// <summary>Programs bytes that may straddle a page boundary as one program per page.</summary>
        private static void ProgramSpan(IFlash flash, int address, byte[] data)
        {
            int done = 0;
            while (done < data.Length)
            {
                int room = flash.PageSize - ((address + done) % flash.PageSize);
                int n = data.Length - done < room ? data.Length - done : room;
                flash.Program(address + done, data, done, n);
                done += n;
            }
        }

        /// <summary>Big-endian index in the middle bytes keeps the keys in index order.</summary>
        private static void Uid(int i, byte last, byte[] uid)
        {
            uid[0] = 0x10;
            uid[1] = (byte)(i >> 8);
            uid[2] = (byte)i;
            uid[3] = last;
        }

        private static uint ElderOf(int i)
        {
            return (uint)(100000 + i);
        }
    }
}
