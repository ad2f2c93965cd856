using System;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// The append-only meal ledger: a ring of flash sectors, each with a header (magic, format
    /// version, erase count, first sequence number) followed by 16-byte slots (RecordCodec). A sector
    /// is erased for reuse only when every record in it is acknowledged by the gateway; when the ring
    /// is full of unacknowledged records, Append refuses instead of overwriting. A record torn by a
    /// power cut is never counted: its sequence number was never shown or sent, so the next record
    /// takes it, in a later slot. Every sector header carries the ledger epoch (LedgerEpoch), chosen
    /// when a fresh ledger gets its first record. Format: docs/formats.md.
    /// </summary>
    public sealed class MealLedger
    {
        public const uint SectorMagic = 0x3147444C; // "LDG1"
        public const int FormatVersion = 2;
        public const int HeaderSize = 32;
        private const uint Empty = 0xFFFFFFFF;
        private const int EpochOffset = 16;

        private readonly IFlash flash;
        private readonly StateLog state;
        private readonly int firstSector;
        private readonly int sectorCount;
        private readonly int slotsPerSector;
        private readonly uint[] sectorFirstSequence;
        private readonly uint[] sectorEraseCount;
        private readonly byte[] header = new byte[HeaderSize + (2 * RecordCodec.Size)];
        private readonly byte[] slot = new byte[2 * RecordCodec.Size];
        private readonly byte[] scan;
        private int headSector = -1;
        private int headNextSlot;

        public MealLedger(IFlash flash, StateLog state, int firstSector, int sectorCount)
        {
            if (sectorCount < 3)
            {
                throw new ArgumentException("the ledger needs at least 3 sectors");
            }

            this.flash = flash;
            this.state = state;
            this.firstSector = firstSector;
            this.sectorCount = sectorCount;
            slotsPerSector = (flash.SectorSize - HeaderSize) / RecordCodec.Size;
            if (slotsPerSector > RecordCodec.MaxOffset + 1)
            {
                throw new ArgumentException("sectors larger than 4 KB need a wider sequence offset");
            }

            scan = new byte[flash.PageSize];
            sectorFirstSequence = new uint[sectorCount];
            sectorEraseCount = new uint[sectorCount];
        }

        /// <summary>The sequence number the next record will get.</summary>
        public uint NextSequence { get; private set; }

        /// <summary>
        /// The ledger epoch the sequence numbers count in, from the newest sector header: 0 for a
        /// ledger written before epochs existed (and for a fresh one until its first record).
        /// </summary>
        public uint Epoch { get; private set; }

        /// <summary>Mixed into a new ledger's epoch (LedgerEpoch): the terminal sets it at boot.</summary>
        public uint EpochSalt { get; set; }

        /// <summary>Highest sequence number the gateway has acknowledged as durably stored.</summary>
        public uint AcknowledgedSequence { get; private set; }

        public int PendingCount
        {
            get { return (int)(NextSequence - 1 - AcknowledgedSequence); }
        }

        /// <summary>Records the ledger can hold unacknowledged, each of one slot (a card not in the roster takes two).</summary>
        public int Capacity
        {
            get { return sectorCount * slotsPerSector; }
        }

        /// <summary>
        /// Percentage of the ring that cannot be reused yet: every sector holding a record waiting for
        /// upload counts whole, the head sector up to its write position. 100 means Append refuses.
        /// </summary>
        public int UsedPercent
        {
            get
            {
                if (headSector < 0)
                {
                    return 0;
                }

                long used = headNextSlot;
                for (int s = 0; s < sectorCount; s++)
                {
                    if (s != headSector && HoldsPending(s))
                    {
                        used += slotsPerSector;
                    }
                }

                return (int)((used * 100L) / ((long)sectorCount * slotsPerSector));
            }
        }

        public int BytesReadAtMount { get; private set; }

        /// <summary>Finds the write position, next sequence and acknowledged position from sector headers and the open sector.</summary>
        public void Mount()
        {
            BytesReadAtMount = 0;
            AcknowledgedSequence = state.Get(StateLog.KeyUploadCursor, 0);
            headSector = -1;
            Epoch = 0;
            for (int s = 0; s < sectorCount; s++)
            {
                flash.Read(SectorAddress(s), header, 0, HeaderSize);
                BytesReadAtMount += HeaderSize;
                sectorFirstSequence[s] = Empty;
                if (TryParseHeader(s) && (headSector < 0 || sectorFirstSequence[s] > sectorFirstSequence[headSector]))
                {
                    headSector = s;
                    Epoch = LedgerEpoch.Read(header, EpochOffset);
                }
            }

            NextSequence = AcknowledgedSequence + 1;
            headNextSlot = slotsPerSector;
            if (headSector < 0)
            {
                return;
            }

            uint next = ScanHeadSector();
            if (next > NextSequence)
            {
                NextSequence = next;
            }
        }

        /// <summary>True when a record can be appended without overwriting unacknowledged data.</summary>
        public bool HasRoom
        {
            get { return (headSector >= 0 && headNextSlot < slotsPerSector) || CanOpenNextSector(); }
        }

        /// <summary>
        /// Assigns the next sequence number to the record and programs it. Returns false, storing
        /// nothing, when the ledger is full of unacknowledged records.
        /// </summary>
        public bool Append(MealRecord record)
        {
            int slots = RecordCodec.SlotsFor(record);
            int length = slots * RecordCodec.Size;
            record.Sequence = NextSequence;
            if (headSector < 0 || headNextSlot + slots > slotsPerSector)
            {
                if (!CanOpenNextSector())
                {
                    return false;
                }

                if (headSector < 0)
                {
                    // A fresh (or wiped) ledger: its first record starts a new epoch.
                    Epoch = LedgerEpoch.Choose(record, EpochSalt, TotalEraseCount(), slot);
                }

                // A new sector's header and its first record go in one page program.
                int next = NextSectorIndex();
                uint eraseCount = EraseForReuse(next);
                RecordCodec.Encode(record, 0, header, HeaderSize);
                flash.Program(SectorAddress(next), header, 0, HeaderSize + length);
                sectorEraseCount[next] = eraseCount;
                sectorFirstSequence[next] = NextSequence;
                headSector = next;
                headNextSlot = slots;
                NextSequence++;
                return true;
            }

            RecordCodec.Encode(record, (int)(NextSequence - sectorFirstSequence[headSector]), slot, 0);
            int address = SlotAddress(headSector, headNextSlot);
            int firstPart = flash.PageSize - (address % flash.PageSize);
            if (firstPart >= length)
            {
                flash.Program(address, slot, 0, length);
            }
            else
            {
                // The record's first slot ends a page: the continuation is a second program, after it.
                flash.Program(address, slot, 0, firstPart);
                flash.Program(address + firstPart, slot, firstPart, length - firstPart);
            }

            headNextSlot += slots;
            NextSequence++;
            return true;
        }

        /// <summary>Reads the record with the given sequence number; false when it is not (or no longer) stored.</summary>
        public bool TryRead(uint sequence, MealRecord record)
        {
            int sector = SectorHolding(sequence);
            if (sector < 0)
            {
                return false;
            }

            int offset = (int)(sequence - sectorFirstSequence[sector]);
            for (int i = offset; i < slotsPerSector; i++)
            {
                int count = i + 1 < slotsPerSector ? 2 : 1;
                flash.Read(SlotAddress(sector, i), slot, 0, count * RecordCodec.Size);
                if (LittleEndian.IsErased(slot, 0, RecordCodec.Size))
                {
                    return false;
                }

                if (IsCompleteRecord(slot, 0, count) && RecordCodec.OffsetOf(slot, 0) == offset)
                {
                    RecordCodec.Decode(slot, 0, sectorFirstSequence[sector], record);
                    if (RecordCodec.NeedsContinuation(slot, 0))
                    {
                        RecordCodec.DecodeCardKey(slot, RecordCodec.Size, record);
                    }

                    return true;
                }
            }

            return false;
        }

        /// <summary>Stores the gateway's acknowledgement power-safely; stale or impossible values are ignored.</summary>
        public void Acknowledge(uint sequence)
        {
            if (sequence <= AcknowledgedSequence || sequence >= NextSequence)
            {
                return;
            }

            state.Set(StateLog.KeyUploadCursor, sequence);
            AcknowledgedSequence = sequence;
        }

        /// <summary>Erase count per sector, for wear reports.</summary>
        public uint EraseCountOf(int sector)
        {
            return sectorEraseCount[sector];
        }

        public int SectorCount
        {
            get { return sectorCount; }
        }

        /// <summary>Sequence of the oldest record still stored, or NextSequence when none is.</summary>
        public uint OldestSequence
        {
            get
            {
                uint oldest = NextSequence;
                for (int s = 0; s < sectorCount; s++)
                {
                    if (sectorFirstSequence[s] != Empty && sectorFirstSequence[s] < oldest)
                    {
                        oldest = sectorFirstSequence[s];
                    }
                }

                return oldest;
            }
        }

        private bool TryParseHeader(int s)
        {
            if (LittleEndian.IsErased(header, 0, HeaderSize))
            {
                return false;
            }

            if (LittleEndian.ReadUInt32(header, 0) != SectorMagic
                || Crc32.Compute(header, 0, 28) != LittleEndian.ReadUInt32(header, 28)
                || LittleEndian.ReadUInt16(header, 4) != FormatVersion)
            {
                // A header torn by a power cut: the sector is dirty and is erased before reuse.
                sectorEraseCount[s] = 0;
                return false;
            }

            sectorEraseCount[s] = LittleEndian.ReadUInt32(header, 8);
            sectorFirstSequence[s] = LittleEndian.ReadUInt32(header, 12);
            return true;
        }

        private uint TotalEraseCount()
        {
            uint total = 0;
            for (int s = 0; s < sectorCount; s++)
            {
                total += sectorEraseCount[s];
            }

            return total;
        }

        private int NextSectorIndex()
        {
            return headSector < 0 ? 0 : (headSector + 1) % sectorCount;
        }

        private bool CanOpenNextSector()
        {
            int next = NextSectorIndex();
            uint first = sectorFirstSequence[next];
            if (first == Empty)
            {
                return true;
            }

            return !HoldsPending(next);
        }

        /// <summary>True when sector s holds a record not yet acknowledged.</summary>
        private bool HoldsPending(int s)
        {
            uint first = sectorFirstSequence[s];
            if (first == Empty)
            {
                return false;
            }

            // The sector after s in the ring holds newer records; every record in s is older than
            // that sector's first sequence number.
            uint newerFirst = sectorFirstSequence[(s + 1) % sectorCount];
            uint last = (newerFirst != Empty && newerFirst > first) ? newerFirst - 1 : NextSequence - 1;
            return last > AcknowledgedSequence && last >= first;
        }

        /// <summary>Erases sector s and prepares its header (first sequence NextSequence); returns its new erase count.</summary>
        private uint EraseForReuse(int s)
        {
            uint eraseCount = sectorEraseCount[s] + 1;
            flash.EraseSector(firstSector + s);
            sectorFirstSequence[s] = Empty;
            for (int i = 0; i < HeaderSize; i++)
            {
                header[i] = 0xFF;
            }

            LittleEndian.WriteUInt32(header, 0, SectorMagic);
            LittleEndian.WriteUInt16(header, 4, FormatVersion);
            LittleEndian.WriteUInt32(header, 8, eraseCount);
            LittleEndian.WriteUInt32(header, 12, NextSequence);
            LittleEndian.WriteUInt32(header, EpochOffset, Epoch);
            LittleEndian.WriteUInt32(header, 28, Crc32.Compute(header, 0, 28));
            return eraseCount;
        }

        /// <summary>
        /// Walks the head sector's slots in page-sized reads: the first erased slot is the write
        /// position, the last complete record gives the next sequence number.
        /// </summary>
        private uint ScanHeadSector()
        {
            uint next = sectorFirstSequence[headSector];
            int perRead = scan.Length / RecordCodec.Size;
            int loaded = -1;
            for (int i = 0; i < slotsPerSector; i++)
            {
                if (loaded < 0 || i >= loaded + perRead - 1)
                {
                    loaded = i;
                    int count = slotsPerSector - i < perRead ? slotsPerSector - i : perRead;
                    flash.Read(SlotAddress(headSector, i), scan, 0, count * RecordCodec.Size);
                    BytesReadAtMount += count * RecordCodec.Size;
                }

                int at = (i - loaded) * RecordCodec.Size;
                if (LittleEndian.IsErased(scan, at, RecordCodec.Size))
                {
                    headNextSlot = i;
                    break;
                }

                int available = i + 1 < slotsPerSector && (i - loaded) + 1 < perRead ? 2 : 1;
                if (IsCompleteRecord(scan, at, available))
                {
                    next = sectorFirstSequence[headSector] + (uint)RecordCodec.OffsetOf(scan, at) + 1;
                    if (RecordCodec.NeedsContinuation(scan, at))
                    {
                        i++;
                    }
                }
            }

            return next;
        }

        /// <summary>An intact record slot, and when it needs one, its intact continuation right after it.</summary>
        private static bool IsCompleteRecord(byte[] buffer, int at, int slotsAvailable)
        {
            if (!RecordCodec.IsIntact(buffer, at) || RecordCodec.IsContinuation(buffer, at))
            {
                return false;
            }

            if (!RecordCodec.NeedsContinuation(buffer, at))
            {
                return true;
            }

            int c = at + RecordCodec.Size;
            return slotsAvailable == 2 && RecordCodec.IsIntact(buffer, c) && RecordCodec.IsContinuation(buffer, c)
                && RecordCodec.OffsetOf(buffer, c) == RecordCodec.OffsetOf(buffer, at);
        }

        private int SectorHolding(uint sequence)
        {
            int best = -1;
            for (int s = 0; s < sectorCount; s++)
            {
                uint first = sectorFirstSequence[s];
                if (first != Empty && first <= sequence && (best < 0 || first > sectorFirstSequence[best]))
                {
                    best = s;
                }
            }

            return sequence < NextSequence ? best : -1;
        }

        private int SectorAddress(int s)
        {
            return (firstSector + s) * flash.SectorSize;
        }

        private int SlotAddress(int s, int index)
        {
            return SectorAddress(s) + HeaderSize + (index * RecordCodec.Size);
        }
    }
}
