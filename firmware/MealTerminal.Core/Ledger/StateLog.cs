using System;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// Small power-safe key/value store for the terminal's counters (upload cursor, boot count,
    /// active roster slot) in two flash sectors used in turn. Each write appends a 16-byte entry
    /// (key, value, write number, CRC); the newest valid entry per key in either sector wins. When
    /// the active sector fills, the newest value of every key is copied into the other sector, read
    /// back, and closed by a commit entry; only a committed sector is ever appended to, and a
    /// sector is erased only while the other one is committed, so a power cut at any point - even
    /// in two compactions in a row - leaves one complete copy. Format and the rules after an
    /// unclean boot: docs/formats.md.
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

        /// <summary>Active voice pack slot (Voice/VoicePackStore).</summary>
        public const int KeyActiveVoiceSlot = 10;

        /// <summary>Active font image slot (Fonts/FontStore).</summary>
        public const int KeyActiveFontSlot = 11;

        /// <summary>Keys are 1..MaxKeys-1; raising it keeps existing flash readable (unknown keys were never written).</summary>
        private const int MaxKeys = 12;
        private const int EntrySize = 16;

        /// <summary>The key of the entry that closes a compaction ("COMT"); its value counts compactions.</summary>
        private const uint CommitKey = 0x544D4F43;

        /// <summary>Programs that do not read back are retried this often, each time in a fresh slot or sector.</summary>
        private const int Attempts = 3;

        private readonly IFlash flash;
        private readonly int firstSector;
        private readonly int slotsPerSector;
        private readonly uint[] values = new uint[MaxKeys];
        private readonly uint[] valueWrites = new uint[MaxKeys];
        private readonly bool[] present = new bool[MaxKeys];
        private readonly byte[] entry = new byte[EntrySize];
        private readonly byte[] readBack = new byte[EntrySize];
        private readonly byte[] zeros = new byte[EntrySize];
        private readonly byte[] page;
        private readonly byte[] pageCheck;
        private readonly StateSectorScan[] scans = new StateSectorScan[2];
        private int activeSector;
        private bool activeCommitted;
        private int nextSlot;
        private uint writeNumber;
        private uint compactions;

        public StateLog(IFlash flash, int firstSector)
        {
            this.flash = flash;
            this.firstSector = firstSector;
            slotsPerSector = flash.SectorSize / EntrySize;
            if (slotsPerSector < 2 * (MaxKeys + 1))
            {
                throw new ArgumentException("a state sector must hold two copies of every key");
            }

            page = new byte[flash.PageSize];
            pageCheck = new byte[flash.PageSize];
            scans[0] = new StateSectorScan();
            scans[1] = new StateSectorScan();
        }

        /// <summary>Bytes read from flash by the last Mount, for the boot budget.</summary>
        public int BytesReadAtMount { get; private set; }

        /// <summary>
        /// Reads both sectors, takes the committed sector with the newest commit as the active one,
        /// and settles its tail: the commit and the last entry are programmed again (finishing a
        /// program a power cut interrupted), torn slots after it and the first slot that reads
        /// erased are voided, and writing goes on after them - never into a slot that merely looks erased.
        /// </summary>
        public void Mount()
        {
            BytesReadAtMount = 0;
            for (int key = 0; key < MaxKeys; key++)
            {
                present[key] = false;
            }

            Scan(0);
            Scan(1);
            StateSectorScan a = scans[0];
            StateSectorScan b = scans[1];
            if (a.CommitSlot >= 0 || b.CommitSlot >= 0)
            {
                activeSector = b.CommitSlot >= 0 && (a.CommitSlot < 0 || b.CommitWrite > a.CommitWrite) ? 1 : 0;
                activeCommitted = true;
                compactions = scans[activeSector].Compactions;
            }
            else
            {
                // A blank chip, or one written before commit entries: it is completed on the first Set.
                activeSector = b.MaxWrite > a.MaxWrite ? 1 : 0;
                activeCommitted = false;
                compactions = 0;
            }

            writeNumber = a.MaxWrite > b.MaxWrite ? a.MaxWrite : b.MaxWrite;
            SettleTail(scans[activeSector]);
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

            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                if (!activeCommitted || nextSlot >= slotsPerSector)
                {
                    Compact();
                }

                int slot = nextSlot++;
                if (TryWrite(activeSector, slot, (uint)key, value))
                {
                    present[key] = true;
                    values[key] = value;
                    valueWrites[key] = writeNumber;
                    return;
                }

                Void(activeSector, slot);
            }

            throw new InvalidOperationException("state sector " + (firstSector + activeSector) + " does not keep what is programmed");
        }

        /// <summary>
        /// Gives the log a committed sector with room: completes an uncommitted active sector in place
        /// when it has room (nothing is erased), else copies into the other sector. The active sector
        /// is never the one erased, so its entries survive any cut here.
        /// </summary>
        private void Compact()
        {
            if (!activeCommitted && nextSlot + MaxKeys < slotsPerSector && TryCopyInto(activeSector, nextSlot))
            {
                return;
            }

            int target = 1 - activeSector;
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                flash.EraseSector(firstSector + target);
                if (TryCopyInto(target, 0))
                {
                    return;
                }
            }

            throw new InvalidOperationException("state sector " + (firstSector + target) + " does not keep what is programmed");
        }

        /// <summary>Writes the newest value of every key from slot `from` of sector s, each read back, then the commit entry.</summary>
        private bool TryCopyInto(int s, int from)
        {
            int slot = from;
            for (int key = 1; key < MaxKeys; key++)
            {
                if (present[key])
                {
                    if (!TryWrite(s, slot++, (uint)key, values[key]))
                    {
                        return false;
                    }

                    valueWrites[key] = writeNumber;
                }
            }

            if (!TryWrite(s, slot++, CommitKey, compactions + 1))
            {
                return false;
            }

            compactions++;
            activeSector = s;
            activeCommitted = true;
            nextSlot = slot;
            return true;
        }

        /// <summary>Programs one entry with the next write number and reads it back; false when it did not stick.</summary>
        private bool TryWrite(int s, int slot, uint key, uint value)
        {
            writeNumber++;
            LittleEndian.WriteUInt32(entry, 0, key);
            LittleEndian.WriteUInt32(entry, 4, value);
            LittleEndian.WriteUInt32(entry, 8, writeNumber);
            LittleEndian.WriteUInt32(entry, 12, Crc32.Compute(entry, 0, 12));
            int address = SlotAddress(s, slot);
            flash.Program(address, entry, 0, EntrySize);
            for (int attempt = 0; attempt < FlashPages.MaxReads; attempt++)
            {
                flash.Read(address, readBack, 0, EntrySize);
                bool same = true;
                for (int i = 0; i < EntrySize && same; i++)
                {
                    same = readBack[i] == entry[i];
                }

                if (same)
                {
                    return true; // a disturbed read never shows what was meant, so one equal read is enough
                }
            }

            return false;
        }

        private void Scan(int s)
        {
            StateSectorScan scan = scans[s];
            scan.Reset(slotsPerSector);
            for (int slot = 0; slot < slotsPerSector; slot++)
            {
                int address = SlotAddress(s, slot);
                if (slot == 0 || address % page.Length == 0)
                {
                    BytesReadAtMount += page.Length * FlashPages.ReadAgreed(flash, address, page, 0, page.Length, pageCheck);
                }

                int at = address % page.Length;
                if (LittleEndian.IsErased(page, at, EntrySize))
                {
                    scan.FreeSlot = slot;
                    return;
                }

                if (Crc32.Compute(page, at, 12) != LittleEndian.ReadUInt32(page, at + 12))
                {
                    continue;
                }

                uint key = LittleEndian.ReadUInt32(page, at);
                uint value = LittleEndian.ReadUInt32(page, at + 4);
                uint write = LittleEndian.ReadUInt32(page, at + 8);
                scan.Take(slot, key == CommitKey, value, write, page, at);
                if (key < MaxKeys && (!present[key] || write > valueWrites[key]))
                {
                    present[key] = true;
                    values[key] = value;
                    valueWrites[key] = write;
                }
            }
        }

        private void SettleTail(StateSectorScan scan)
        {
            if (scan.CommitSlot >= 0)
            {
                flash.Program(SlotAddress(activeSector, scan.CommitSlot), scan.CommitEntry, 0, EntrySize);
            }

            if (scan.LastValidSlot >= 0 && scan.LastValidSlot != scan.CommitSlot)
            {
                flash.Program(SlotAddress(activeSector, scan.LastValidSlot), scan.LastEntry, 0, EntrySize);
            }

            for (int slot = scan.LastValidSlot + 1; slot < scan.FreeSlot; slot++)
            {
                Void(activeSector, slot);
            }

            nextSlot = scan.FreeSlot;
            if (nextSlot < slotsPerSector)
            {
                Void(activeSector, nextSlot++);
            }
        }

        /// <summary>Programs a slot to zeros unless it already is: no CRC holds there, whatever its cells did before.</summary>
        private void Void(int s, int slot)
        {
            int address = SlotAddress(s, slot);
            flash.Read(address, readBack, 0, EntrySize);
            for (int i = 0; i < EntrySize; i++)
            {
                if (readBack[i] != 0)
                {
                    flash.Program(address, zeros, 0, EntrySize);
                    return;
                }
            }
        }

        private int SlotAddress(int s, int slot)
        {
            return ((firstSector + s) * flash.SectorSize) + (slot * EntrySize);
        }
    }
}
