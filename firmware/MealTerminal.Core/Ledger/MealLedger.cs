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
    public sealed partial class MealLedger
    {
        public const uint SectorMagic = 0x3147444C; // "LDG1"
        public const int FormatVersion = 2;
        public const int HeaderSize = 32;
        private const uint Empty = 0xFFFFFFFF;
        private const int EpochOffset = 16;

        /// <summary>A record that does not read back as programmed is voided and written again, in later slots, this often.</summary>
        private const int WriteAttempts = 3;

        private readonly IFlash flash;
        private readonly StateLog state;
        private readonly int firstSector;
        private readonly int sectorCount;
        private readonly int slotsPerSector;
        private readonly uint[] sectorFirstSequence;
        private readonly uint[] sectorEraseCount;
        private readonly byte[] header = new byte[HeaderSize + (2 * RecordCodec.Size)];
        private readonly byte[] slot = new byte[2 * RecordCodec.Size];
        private readonly byte[] headHeader = new byte[HeaderSize];
        private readonly byte[] probe = new byte[HeaderSize];
        private readonly bool[] headerKnown;
        private readonly byte[] readBack = new byte[HeaderSize + (2 * RecordCodec.Size)];
        private readonly LedgerTail tail;
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

            tail = new LedgerTail(flash, slotsPerSector);
            sectorFirstSequence = new uint[sectorCount];
            sectorEraseCount = new uint[sectorCount];
            headerKnown = new bool[sectorCount];
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

                long used = headNextSlot + ((long)PendingSectorsBehindHead() * slotsPerSector);

                return (int)((used * 100L) / ((long)sectorCount * slotsPerSector));
            }
        }

        public int BytesReadAtMount { get; private set; }

        /// <summary>
        /// Finds the write position, next sequence and acknowledged position: the ring's head by a
        /// binary search over sector headers (MealLedgerHeaders.cs), then the open sector's tail.
        /// </summary>
        public void Mount()
        {
            AcknowledgedSequence = state.Get(StateLog.KeyUploadCursor, 0);
            ForgetHeaders();
            headerBytesRead = 0;
            headSector = FindHead();
            Epoch = headSector < 0 ? 0 : LedgerEpoch.Read(headHeader, EpochOffset);
            BytesReadAtMount = headerBytesRead;
            NextSequence = AcknowledgedSequence + 1;
            headNextSlot = slotsPerSector;
            if (headSector < 0)
            {
                return;
            }

            // The header as read whole, programmed again: a cut while it was written cannot leave it
            // reading differently later. Then the tail after the last record is settled.
            flash.Program(SectorAddress(headSector), headHeader, 0, HeaderSize);
            tail.Settle(SlotAddress(headSector, 0), sectorFirstSequence[headSector]);
            BytesReadAtMount += tail.BytesRead;
            headNextSlot = tail.WritePosition;
            if (tail.NextSequence > NextSequence)
            {
                NextSequence = tail.NextSequence;
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
            record.Sequence = NextSequence;
            for (int attempt = 0; attempt < WriteAttempts; attempt++)
            {
                if (headSector < 0 || headNextSlot + RecordCodec.SlotsFor(record) > slotsPerSector)
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

                    if (TryOpenSectorWith(record))
                    {
                        NextSequence++;
                        return true;
                    }
                }
                else if (TryProgramInHead(record))
                {
                    NextSequence++;
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Erases the next sector and programs its header and the record in one page program. When the
        /// header does not read back the sector is not taken (the next attempt erases it again); when
        /// only the record does not, its slots are voided and the sector is kept.
        /// </summary>
        private bool TryOpenSectorWith(MealRecord record)
        {
            int length = RecordCodec.SlotsFor(record) * RecordCodec.Size;
            int next = NextSectorIndex();
            uint eraseCount = EraseForReuse(next);
            RecordCodec.Encode(record, 0, header, HeaderSize);
            int address = SectorAddress(next);
            flash.Program(address, header, 0, HeaderSize + length);
            sectorEraseCount[next] = eraseCount;
            if (!ReadsBack(address, header, 0, HeaderSize))
            {
                return false;
            }

            sectorFirstSequence[next] = NextSequence;
            headSector = next;
            headNextSlot = length / RecordCodec.Size;
            if (ReadsBack(address + HeaderSize, header, HeaderSize, length))
            {
                return true;
            }

            VoidSlots(0, headNextSlot);
            return false;
        }

        private bool TryProgramInHead(MealRecord record)
        {
            int slots = RecordCodec.SlotsFor(record);
            int length = slots * RecordCodec.Size;
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

            int first = headNextSlot;
            headNextSlot += slots;
            if (ReadsBack(address, slot, 0, length))
            {
                return true;
            }

            VoidSlots(first, slots);
            return false;
        }

        /// <summary>True when a read of the range equals what was programmed (a disturbed read is tried again).</summary>
        private bool ReadsBack(int address, byte[] expected, int offset, int count)
        {
            for (int attempt = 0; attempt < FlashPages.MaxReads; attempt++)
            {
                flash.Read(address, readBack, 0, count);
                bool same = true;
                for (int i = 0; i < count && same; i++)
                {
                    same = readBack[i] == expected[offset + i];
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Voids count slots of the head sector from index first: a record that did not stick can never count.</summary>
        private void VoidSlots(int first, int count)
        {
            for (int i = first; i < first + count; i++)
            {
                tail.Void(SlotAddress(headSector, i));
            }
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
            Load(sector);
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
                int s = OldestSector();
                if (s >= 0)
                {
                    return sectorFirstSequence[s];
                }

                return NextSequence;
            }
        }

        /// <summary>The chip, for LedgerScan's page reads.</summary>
        internal IFlash Flash
        {
            get { return flash; }
        }

        /// <summary>Index of the sector holding the newest records, -1 when none is written.</summary>
        internal int HeadSector
        {
            get { return headSector; }
        }

        internal int SlotsPerSector
        {
            get { return slotsPerSector; }
        }

        /// <summary>First sequence number of sector s, or 0xFFFFFFFF when it holds no records.</summary>
        internal uint FirstSequenceOf(int s)
        {
            return FirstOf(s);
        }

        internal int SlotAddressOf(int s, int index)
        {
            return SlotAddress(s, index);
        }

        private uint TotalEraseCount()
        {
            uint total = 0;
            for (int s = 0; s < sectorCount; s++)
            {
                Load(s);
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
            uint first = FirstOf(next);
            if (first == Empty)
            {
                return true;
            }

            return !HoldsPending(next);
        }

        /// <summary>True when sector s holds a record not yet acknowledged.</summary>
        private bool HoldsPending(int s)
        {
            uint first = FirstOf(s);
            if (first == Empty)
            {
                return false;
            }

            // The sector after s in the ring holds newer records; every record in s is older than
            // that sector's first sequence number.
            uint newerFirst = FirstOf((s + 1) % sectorCount);
            uint last = (newerFirst != Empty && newerFirst > first) ? newerFirst - 1 : NextSequence - 1;
            return last > AcknowledgedSequence && last >= first;
        }

        /// <summary>Erases sector s and prepares its header (first sequence NextSequence); returns its new erase count.</summary>
        private uint EraseForReuse(int s)
        {
            Load(s);
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

        /// <summary>An intact record slot, and when it needs one, its intact continuation right after it.</summary>
        internal static bool IsCompleteRecord(byte[] buffer, int at, int slotsAvailable)
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
