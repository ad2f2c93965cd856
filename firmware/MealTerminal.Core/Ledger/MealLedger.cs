using System;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// The append-only meal ledger: a ring of flash sectors, each with a header (magic, format
    /// version, erase count, first sequence number) followed by 32-byte records. A sector is erased
    /// for reuse only when every record in it is acknowledged by the gateway; when the ring is full
    /// of unacknowledged records, Append refuses instead of overwriting. Format: docs/formats.md.
    /// </summary>
    public sealed class MealLedger
    {
        public const uint SectorMagic = 0x3147444C; // "LDG1"
        public const int FormatVersion = 1;
        public const int HeaderSize = 32;
        private const uint Empty = 0xFFFFFFFF;

        private readonly IFlash flash;
        private readonly StateLog state;
        private readonly int firstSector;
        private readonly int sectorCount;
        private readonly int slotsPerSector;
        private readonly uint[] sectorFirstSequence;
        private readonly uint[] sectorEraseCount;
        private readonly byte[] header = new byte[HeaderSize];
        private readonly byte[] slot = new byte[RecordCodec.Size];
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
            sectorFirstSequence = new uint[sectorCount];
            sectorEraseCount = new uint[sectorCount];
        }

        /// <summary>The sequence number the next record will get.</summary>
        public uint NextSequence { get; private set; }

        /// <summary>Highest sequence number the gateway has acknowledged as durably stored.</summary>
        public uint AcknowledgedSequence { get; private set; }

        public int PendingCount
        {
            get { return (int)(NextSequence - 1 - AcknowledgedSequence); }
        }

        /// <summary>Records the ledger can hold unacknowledged: every slot of every sector.</summary>
        public int Capacity
        {
            get { return sectorCount * slotsPerSector; }
        }

        /// <summary>Percentage of capacity taken by records waiting for upload.</summary>
        public int UsedPercent
        {
            get { return (int)((PendingCount * 100L) / Capacity); }
        }

        public int BytesReadAtMount { get; private set; }

        /// <summary>Finds the write position, next sequence and acknowledged position from sector headers and the open sector.</summary>
        public void Mount()
        {
            BytesReadAtMount = 0;
            AcknowledgedSequence = state.Get(StateLog.KeyUploadCursor, 0);
            headSector = -1;
            for (int s = 0; s < sectorCount; s++)
            {
                flash.Read(SectorAddress(s), header, 0, HeaderSize);
                BytesReadAtMount += HeaderSize;
                sectorFirstSequence[s] = Empty;
                if (TryParseHeader(s) && (headSector < 0 || sectorFirstSequence[s] > sectorFirstSequence[headSector]))
                {
                    headSector = s;
                }
            }

            NextSequence = AcknowledgedSequence + 1;
            headNextSlot = slotsPerSector;
            if (headSector < 0)
            {
                return;
            }

            uint next = sectorFirstSequence[headSector];
            MealRecord scratch = new MealRecord();
            for (int i = 0; i < slotsPerSector; i++)
            {
                flash.Read(SlotAddress(headSector, i), slot, 0, slot.Length);
                BytesReadAtMount += slot.Length;
                if (LittleEndian.IsErased(slot, 0, slot.Length))
                {
                    headNextSlot = i;
                    break;
                }

                if (RecordCodec.TryDecode(slot, 0, scratch))
                {
                    next = scratch.Sequence + 1;
                }
            }

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
            if (headSector < 0 || headNextSlot >= slotsPerSector)
            {
                if (!CanOpenNextSector())
                {
                    return false;
                }

                OpenNextSector();
            }

            record.Sequence = NextSequence;
            RecordCodec.Encode(record, slot, 0);
            flash.Program(SlotAddress(headSector, headNextSlot), slot, 0, slot.Length);
            headNextSlot++;
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

            int start = (int)(sequence - sectorFirstSequence[sector]);
            for (int i = start; i < slotsPerSector; i++)
            {
                flash.Read(SlotAddress(sector, i), slot, 0, slot.Length);
                if (LittleEndian.IsErased(slot, 0, slot.Length))
                {
                    return false;
                }

                if (RecordCodec.TryDecode(slot, 0, record) && record.Sequence == sequence)
                {
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
                || Crc32.Compute(header, 0, 28) != LittleEndian.ReadUInt32(header, 28))
            {
                // A header torn by a power cut: the sector is dirty and is erased before reuse.
                sectorEraseCount[s] = 0;
                return false;
            }

            sectorEraseCount[s] = LittleEndian.ReadUInt32(header, 8);
            sectorFirstSequence[s] = LittleEndian.ReadUInt32(header, 12);
            return true;
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

            // The sector after `next` in the ring holds newer records; every record in `next` is
            // older than that sector's first sequence number.
            int after = (next + 1) % sectorCount;
            uint newerFirst = sectorFirstSequence[after];
            uint lastInNext = (newerFirst != Empty && newerFirst > first) ? newerFirst - 1 : NextSequence - 1;
            return lastInNext <= AcknowledgedSequence;
        }

        private void OpenNextSector()
        {
            int next = NextSectorIndex();
            uint eraseCount = sectorEraseCount[next] + 1;
            flash.EraseSector(firstSector + next);
            sectorFirstSequence[next] = Empty;
            for (int i = 0; i < HeaderSize; i++)
            {
                header[i] = 0xFF;
            }

            LittleEndian.WriteUInt32(header, 0, SectorMagic);
            LittleEndian.WriteUInt16(header, 4, FormatVersion);
            LittleEndian.WriteUInt32(header, 8, eraseCount);
            LittleEndian.WriteUInt32(header, 12, NextSequence);
            LittleEndian.WriteUInt32(header, 28, Crc32.Compute(header, 0, 28));
            flash.Program(SectorAddress(next), header, 0, HeaderSize);
            sectorEraseCount[next] = eraseCount;
            sectorFirstSequence[next] = NextSequence;
            headSector = next;
            headNextSlot = 0;
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
