using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Roster
{
    /// <summary>
    /// A roster image in a flash region, searched in place: a binary search reads one 24-byte entry
    /// per step, so 20,000 cards cost about 15 small reads and no RAM beyond one entry buffer; a
    /// format 2 image adds two reads for the name of the card found.
    /// </summary>
    public sealed class RosterSlot
    {
        private readonly IFlash flash;
        private readonly int baseAddress;
        private readonly int capacityBytes;
        private readonly byte[] headerBuffer = new byte[RosterFormat.HeaderSize];
        private readonly byte[] entryBuffer = new byte[RosterFormat.EntrySize];
        private readonly byte[] nameOffsets = new byte[8];

        public RosterSlot(IFlash flash, int firstSector, int sectorCount)
        {
            this.flash = flash;
            baseAddress = firstSector * flash.SectorSize;
            capacityBytes = sectorCount * flash.SectorSize;
            FirstSector = firstSector;
            SectorCount = sectorCount;
        }

        public int FirstSector { get; private set; }

        public int SectorCount { get; private set; }

        public int CapacityBytes
        {
            get { return capacityBytes; }
        }

        /// <summary>True when the header is intact; set by LoadHeader.</summary>
        public bool IsValid { get; private set; }

        public uint Version { get; private set; }

        public uint IssuerId { get; private set; }

        public int EntryCount { get; private set; }

        /// <summary>True when the image carries a name per entry (format 2).</summary>
        public bool HasNames { get; private set; }

        /// <summary>Size of the whole image in bytes.</summary>
        public int ImageSize { get; private set; }

        /// <summary>Reads and checks the header (magic, format, header CRC, size fits the slot).</summary>
        public bool LoadHeader()
        {
            IsValid = false;
            flash.Read(baseAddress, headerBuffer, 0, RosterFormat.HeaderSize);
            int format = LittleEndian.ReadUInt16(headerBuffer, 4);
            if (LittleEndian.ReadUInt32(headerBuffer, 0) != RosterFormat.Magic
                || (format != RosterFormat.FormatVersion && format != RosterFormat.FormatVersionNames)
                || LittleEndian.ReadUInt16(headerBuffer, 6) != RosterFormat.EntrySize
                || Crc32.Compute(headerBuffer, 0, 28) != LittleEndian.ReadUInt32(headerBuffer, 28))
            {
                return false;
            }

            uint count = LittleEndian.ReadUInt32(headerBuffer, 16);
            if (count > (uint)((capacityBytes - RosterFormat.HeaderSize) / RosterFormat.EntrySize))
            {
                return false;
            }

            int size = RosterFormat.ImageSize((int)count);
            if (format == RosterFormat.FormatVersionNames)
            {
                uint stated = LittleEndian.ReadUInt32(headerBuffer, 24);
                if (stated < (uint)RosterFormat.NameBytesOffset((int)count) || stated > (uint)capacityBytes)
                {
                    return false;
                }

                size = (int)stated;
            }

            Version = LittleEndian.ReadUInt32(headerBuffer, 8);
            IssuerId = LittleEndian.ReadUInt32(headerBuffer, 12);
            EntryCount = (int)count;
            HasNames = format == RosterFormat.FormatVersionNames;
            ImageSize = size;
            IsValid = true;
            return true;
        }

        /// <summary>
        /// Checks the CRC of everything after the header against the header, and that every name
        /// lies inside the image in order and within MaxNameBytes; reads the whole image once.
        /// </summary>
        public bool VerifyEntries()
        {
            if (!LoadHeader())
            {
                return false;
            }

            bool ok = Crc(RosterFormat.HeaderSize, ImageSize - RosterFormat.HeaderSize) == LittleEndian.ReadUInt32(headerBuffer, 20)
                && (!HasNames || NameTableIsSound());
            IsValid = ok;
            return ok;
        }

        /// <summary>CRC-32 of count bytes of the slot from offset, read from flash 256 bytes at a time.</summary>
        public uint Crc(int offset, int count)
        {
            byte[] chunk = new byte[256];
            uint crc = Crc32.Start();
            int address = baseAddress + offset;
            while (count > 0)
            {
                int n = count < chunk.Length ? count : chunk.Length;
                flash.Read(address, chunk, 0, n);
                crc = Crc32.Update(crc, chunk, 0, n);
                address += n;
                count -= n;
            }

            return Crc32.Finish(crc);
        }

        /// <summary>Binary search for a card key; fills entry and returns true when found.</summary>
        public bool TryFind(byte[] key, int keyOffset, RosterEntry entry)
        {
            if (!IsValid)
            {
                return false;
            }

            int low = 0;
            int high = EntryCount - 1;
            while (low <= high)
            {
                int mid = (low + high) >> 1;
                ReadEntry(mid);
                int cmp = Cards.CardKey.Compare(entryBuffer, 0, key, keyOffset);
                if (cmp == 0)
                {
                    Fill(entry, mid);
                    return true;
                }

                if (cmp < 0)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return false;
        }

        private bool NameTableIsSound()
        {
            int table = baseAddress + RosterFormat.NameTableOffset(EntryCount);
            int available = ImageSize - RosterFormat.NameBytesOffset(EntryCount);
            uint previous = 0;
            for (int i = 0; i <= EntryCount; i++)
            {
                flash.Read(table + (i * 4), nameOffsets, 0, 4);
                uint at = LittleEndian.ReadUInt32(nameOffsets, 0);
                if (at < previous || at - previous > RosterFormat.MaxNameBytes || at > (uint)available || (i == 0 && at != 0))
                {
                    return false;
                }

                previous = at;
            }

            return previous == (uint)available;
        }

        /// <summary>Reads the entry at an index (for audits and the self-test).</summary>
        public void ReadAt(int index, RosterEntry entry)
        {
            ReadEntry(index);
            Fill(entry, index);
        }

        private void ReadEntry(int index)
        {
            flash.Read(baseAddress + RosterFormat.HeaderSize + (index * RosterFormat.EntrySize), entryBuffer, 0, RosterFormat.EntrySize);
        }

        private void Fill(RosterEntry entry, int index)
        {
            for (int i = 0; i < Cards.CardKey.Size; i++)
            {
                entry.CardKey[i] = entryBuffer[i];
            }

            entry.ElderId = LittleEndian.ReadUInt32(entryBuffer, RosterFormat.OffsetElderId);
            entry.Category = entryBuffer[RosterFormat.OffsetCategory];
            entry.Status = (CardStatus)entryBuffer[RosterFormat.OffsetStatus];
            entry.ValidFromDay = LittleEndian.ReadUInt16(entryBuffer, RosterFormat.OffsetValidFrom);
            entry.ValidToDay = LittleEndian.ReadUInt16(entryBuffer, RosterFormat.OffsetValidTo);
            entry.DeliveryRegistered = (entryBuffer[RosterFormat.OffsetFlags] & RosterFormat.FlagNotDelivery) == 0;
            entry.Index = index;
            entry.NameLength = 0;
            if (HasNames)
            {
                ReadName(entry, index);
            }
        }

        /// <summary>The name offsets were checked when the image was committed; they are clamped again so a flash fault cannot overrun the holder.</summary>
        private void ReadName(RosterEntry entry, int index)
        {
            flash.Read(baseAddress + RosterFormat.NameTableOffset(EntryCount) + (index * 4), nameOffsets, 0, 8);
            uint start = LittleEndian.ReadUInt32(nameOffsets, 0);
            uint end = LittleEndian.ReadUInt32(nameOffsets, 4);
            int names = RosterFormat.NameBytesOffset(EntryCount);
            if (end <= start || end - start > RosterFormat.MaxNameBytes || end > (uint)(ImageSize - names))
            {
                return;
            }

            entry.NameLength = (int)(end - start);
            flash.Read(baseAddress + names + (int)start, entry.Name, 0, entry.NameLength);
        }
    }
}
