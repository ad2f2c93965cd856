using System;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Roster
{
    /// <summary>
    /// Builds a roster image from entries (used by the gateway, the simulator and the self-test).
    /// Sorts by card key and refuses duplicate cards, so a bad roster file never reaches a terminal.
    /// Writes format 2 (with the name table) when any entry has a name, else format 1.
    /// </summary>
    public static class RosterWriter
    {
        public static byte[] Build(RosterEntry[] entries, uint rosterVersion, uint issuerId)
        {
            int count = entries.Length;
            int nameBytes = 0;
            for (int i = 0; i < count; i++)
            {
                if (entries[i].NameLength < 0 || entries[i].NameLength > RosterFormat.MaxNameBytes)
                {
                    throw new ArgumentException("name of elder " + entries[i].ElderId.ToString() + " longer than " + RosterFormat.MaxNameBytes.ToString() + " bytes");
                }

                nameBytes += entries[i].NameLength;
            }

            bool names = nameBytes > 0;
            int size = names ? RosterFormat.NameBytesOffset(count) + nameBytes : RosterFormat.ImageSize(count);
            byte[] image = new byte[size];
            int[] order = SortedOrder(entries);
            int nameAt = 0;
            for (int i = 0; i < count; i++)
            {
                RosterEntry e = entries[order[i]];
                if (e.ElderId == 0 || e.ElderId > Ledger.RecordCodec.MaxElderId)
                {
                    throw new ArgumentException("elder id " + e.ElderId.ToString() + " outside 1..16777215 (the ledger keeps 24 bits)");
                }

                if (i > 0 && Cards.CardKey.Compare(e.CardKey, 0, entries[order[i - 1]].CardKey, 0) == 0)
                {
                    throw new ArgumentException("duplicate card " + Cards.CardKey.ToHex(e.CardKey, 0) + " in roster");
                }

                int at = RosterFormat.HeaderSize + (i * RosterFormat.EntrySize);
                for (int k = 0; k < Cards.CardKey.Size; k++)
                {
                    image[at + k] = e.CardKey[k];
                }

                LittleEndian.WriteUInt32(image, at + RosterFormat.OffsetElderId, e.ElderId);
                image[at + RosterFormat.OffsetCategory] = e.Category;
                image[at + RosterFormat.OffsetStatus] = (byte)e.Status;
                LittleEndian.WriteUInt16(image, at + RosterFormat.OffsetValidFrom, e.ValidFromDay);
                LittleEndian.WriteUInt16(image, at + RosterFormat.OffsetValidTo, e.ValidToDay);
                image[at + RosterFormat.OffsetFlags] = (byte)(e.DeliveryRegistered ? 0xFF & ~RosterFormat.FlagNotDelivery : 0xFF);
                image[at + 22] = 0xFF;
                image[at + 23] = 0xFF;
                if (names)
                {
                    LittleEndian.WriteUInt32(image, RosterFormat.NameTableOffset(count) + (i * 4), (uint)nameAt);
                    int into = RosterFormat.NameBytesOffset(count) + nameAt;
                    for (int k = 0; k < e.NameLength; k++)
                    {
                        image[into + k] = e.Name[k];
                    }

                    nameAt += e.NameLength;
                }
            }

            if (names)
            {
                LittleEndian.WriteUInt32(image, RosterFormat.NameTableOffset(count) + (count * 4), (uint)nameAt);
            }

            LittleEndian.WriteUInt32(image, 0, RosterFormat.Magic);
            LittleEndian.WriteUInt16(image, 4, names ? RosterFormat.FormatVersionNames : RosterFormat.FormatVersion);
            LittleEndian.WriteUInt16(image, 6, RosterFormat.EntrySize);
            LittleEndian.WriteUInt32(image, 8, rosterVersion);
            LittleEndian.WriteUInt32(image, 12, issuerId);
            LittleEndian.WriteUInt32(image, 16, (uint)count);
            LittleEndian.WriteUInt32(image, 20, Crc32.Compute(image, RosterFormat.HeaderSize, size - RosterFormat.HeaderSize));
            LittleEndian.WriteUInt32(image, 24, names ? (uint)size : 0xFFFFFFFF);
            LittleEndian.WriteUInt32(image, 28, Crc32.Compute(image, 0, 28));
            return image;
        }

        /// <summary>Heap sort of entry indices by card key (nanoFramework has no Array.Sort).</summary>
        private static int[] SortedOrder(RosterEntry[] entries)
        {
            int n = entries.Length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            for (int start = (n / 2) - 1; start >= 0; start--)
            {
                SiftDown(entries, order, start, n);
            }

            for (int end = n - 1; end > 0; end--)
            {
                int t = order[0];
                order[0] = order[end];
                order[end] = t;
                SiftDown(entries, order, 0, end);
            }

            return order;
        }

        private static void SiftDown(RosterEntry[] entries, int[] order, int root, int size)
        {
            while (true)
            {
                int child = (2 * root) + 1;
                if (child >= size)
                {
                    return;
                }

                if (child + 1 < size && Less(entries, order[child], order[child + 1]))
                {
                    child++;
                }

                if (!Less(entries, order[root], order[child]))
                {
                    return;
                }

                int t = order[root];
                order[root] = order[child];
                order[child] = t;
                root = child;
            }
        }

        private static bool Less(RosterEntry[] entries, int a, int b)
        {
            return Cards.CardKey.Compare(entries[a].CardKey, 0, entries[b].CardKey, 0) < 0;
        }
    }
}
