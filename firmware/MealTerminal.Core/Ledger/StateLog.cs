using System;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// Small power-safe key/value store for the terminal's counters (upload cursor, boot count,
    /// active roster slot) in two flash sectors used in turn. Each write appends a 16-byte entry
    /// (key, value, write number, CRC); the newest valid entry per key wins. When the active sector
    /// fills, the current values are copied to the other sector before the old one is ever erased,
    /// so a power cut at any point leaves at least one complete copy.
    /// </summary>
    public sealed class StateLog
    {
        public const int KeyUploadCursor = 1;
        public const int KeyBootCount = 2;
        public const int KeyActiveRosterSlot = 3;
        public const int KeyLastSync = 4;

        /// <summary>Download in progress (Sync/Downloader): image kind, version, CRC, bytes written in whole sectors.</summary>
        public const int KeyDownloadKind = 5;
        public const int KeyDownloadVersion = 6;
        public const int KeyDownloadCrc = 7;
        public const int KeyDownloadDone = 8;
        public const int KeyActiveConfigSlot = 9;

        /// <summary>Keys are 1..MaxKeys-1; raising it keeps existing flash readable (unknown keys were never written).</summary>
        private const int MaxKeys = 12;
        private const int EntrySize = 16;

        private readonly IFlash flash;
        private readonly int firstSector;
        private readonly uint[] values = new uint[MaxKeys];
        private readonly uint[] valueWrites = new uint[MaxKeys];
        private readonly bool[] present = new bool[MaxKeys];
        private readonly byte[] entry = new byte[EntrySize];
        private readonly byte[] page;
        private int activeSector;
        private int nextSlot;
        private uint writeNumber;

        public StateLog(IFlash flash, int firstSector)
        {
            this.flash = flash;
            this.firstSector = firstSector;
            page = new byte[flash.PageSize];
        }

        /// <summary>Bytes read from flash by the last Mount, for the boot budget.</summary>
        public int BytesReadAtMount { get; private set; }

        public void Mount()
        {
            int slotsPerSector = flash.SectorSize / EntrySize;
            int[] freeSlot = new int[2];
            uint[] maxWrite = new uint[2];
            BytesReadAtMount = 0;
            for (int s = 0; s < 2; s++)
            {
                freeSlot[s] = slotsPerSector;
                int baseAddress = (firstSector + s) * flash.SectorSize;
                for (int slot = 0; slot < slotsPerSector; slot++)
                {
                    int address = baseAddress + (slot * EntrySize);
                    if (address % page.Length == 0)
                    {
                        flash.Read(address, page, 0, page.Length);
                        BytesReadAtMount += page.Length;
                    }

                    int at = address % page.Length;
                    if (LittleEndian.IsErased(page, at, EntrySize))
                    {
                        freeSlot[s] = slot;
                        break;
                    }

                    if (Crc32.Compute(page, at, 12) != LittleEndian.ReadUInt32(page, at + 12))
                    {
                        continue;
                    }

                    uint key = LittleEndian.ReadUInt32(page, at);
                    uint write = LittleEndian.ReadUInt32(page, at + 8);
                    if (write > maxWrite[s])
                    {
                        maxWrite[s] = write;
                    }

                    if (key < MaxKeys && (!present[key] || write > valueWrites[key]))
                    {
                        present[key] = true;
                        values[key] = LittleEndian.ReadUInt32(page, at + 4);
                        valueWrites[key] = write;
                    }
                }
            }

            activeSector = maxWrite[1] > maxWrite[0] ? 1 : 0;
            nextSlot = freeSlot[activeSector];
            writeNumber = maxWrite[0] > maxWrite[1] ? maxWrite[0] : maxWrite[1];
        }

        public uint Get(int key, uint defaultValue)
        {
            return present[key] ? values[key] : defaultValue;
        }

        public void Set(int key, uint value)
        {
            if (key <= 0 || key >= MaxKeys)
            {
                throw new ArgumentOutOfRangeException("key");
            }

            if (nextSlot >= flash.SectorSize / EntrySize)
            {
                Compact();
            }

            Append(key, value);
        }

        private void Append(int key, uint value)
        {
            writeNumber++;
            LittleEndian.WriteUInt32(entry, 0, (uint)key);
            LittleEndian.WriteUInt32(entry, 4, value);
            LittleEndian.WriteUInt32(entry, 8, writeNumber);
            LittleEndian.WriteUInt32(entry, 12, Crc32.Compute(entry, 0, 12));
            flash.Program(((firstSector + activeSector) * flash.SectorSize) + (nextSlot * EntrySize), entry, 0, EntrySize);
            nextSlot++;
            present[key] = true;
            values[key] = value;
            valueWrites[key] = writeNumber;
        }

        private void Compact()
        {
            activeSector = 1 - activeSector;
            flash.EraseSector(firstSector + activeSector);
            nextSlot = 0;
            for (int key = 1; key < MaxKeys; key++)
            {
                if (present[key])
                {
                    Append(key, values[key]);
                }
            }
        }
    }
}
