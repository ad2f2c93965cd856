using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// Finds and settles the write position of the ledger's newest sector at boot. A power cut in a
    /// program can leave cells that read 1 now and 0 later, so a slot that merely reads erased is not
    /// trusted: the last complete record is programmed again with its own bytes (finishing a program
    /// the cut interrupted), every slot after it that is not erased is voided (programmed to zero),
    /// and so are the two slots after the last one that is not erased - two slots being the most one
    /// record program covers. Writing goes on after them. Format: docs/formats.md.
    /// </summary>
    internal sealed class LedgerTail
    {
        /// <summary>Slots one record program can cover (a record and its card key slot).</summary>
        public const int ProgramSpan = 2;

        private readonly IFlash flash;
        private readonly int slotsPerSector;
        private readonly byte[] page;
        private readonly byte[] pageCheck;
        private readonly byte[] pair = new byte[2 * RecordCodec.Size];
        private readonly byte[] kept = new byte[2 * RecordCodec.Size];
        private readonly byte[] zeros = new byte[RecordCodec.Size];

        public LedgerTail(IFlash flash, int slotsPerSector)
        {
            this.flash = flash;
            this.slotsPerSector = slotsPerSector;
            page = new byte[flash.PageSize];
            pageCheck = new byte[flash.PageSize];
        }

        /// <summary>Bytes read by the last Settle.</summary>
        public int BytesRead { get; private set; }

        /// <summary>The sequence number after the last complete record (the sector's first when it holds none).</summary>
        public uint NextSequence { get; private set; }

        /// <summary>The first slot after the settled tail: the next record goes there.</summary>
        public int WritePosition { get; private set; }

        /// <summary>Scans the sector whose slots start at slotsAddress until two slots in a row read erased, then settles its tail.</summary>
        public void Settle(int slotsAddress, uint firstSequence)
        {
            BytesRead = 0;
            NextSequence = firstSequence;
            int validEnd = 0;
            int lastUsed = -1;
            int lastRecord = -1;
            int lastRecordSlots = 0;
            int erasedRun = 0;
            int loadedPage = -1;
            for (int i = 0; i < slotsPerSector && erasedRun < ProgramSpan; i++)
            {
                int address = slotsAddress + (i * RecordCodec.Size);
                if (address / page.Length != loadedPage)
                {
                    loadedPage = address / page.Length;
                    BytesRead += page.Length * FlashPages.ReadAgreed(flash, loadedPage * page.Length, page, 0, page.Length, pageCheck);
                }

                int at = address % page.Length;
                if (LittleEndian.IsErased(page, at, RecordCodec.Size))
                {
                    erasedRun++;
                    continue;
                }

                erasedRun = 0;
                lastUsed = i;
                int slots = CompleteRecordAt(i, slotsAddress, at);
                if (slots > 0)
                {
                    Keep(slots == 1 ? page : pair, slots == 1 ? at : 0, slots);
                    NextSequence = firstSequence + (uint)RecordCodec.OffsetOf(page, at) + 1;
                    lastRecord = i;
                    lastRecordSlots = slots;
                    validEnd = i + slots;
                    lastUsed = validEnd - 1;
                    i = validEnd - 1;
                }
            }

            if (lastRecord >= 0)
            {
                // The bytes as the scan read them whole: programming them again settles cells a cut left marginal.
                FlashPages.Program(flash, slotsAddress + (lastRecord * RecordCodec.Size), kept, 0, lastRecordSlots * RecordCodec.Size);
            }

            int end = (lastUsed + 1 > validEnd ? lastUsed + 1 : validEnd) + ProgramSpan;
            if (end > slotsPerSector)
            {
                end = slotsPerSector;
            }

            for (int i = validEnd; i < end; i++)
            {
                Void(slotsAddress + (i * RecordCodec.Size));
            }

            WritePosition = end;
        }

        /// <summary>Programs a slot to zeros unless it already reads zero: no CRC holds there, whatever its cells did before.</summary>
        public void Void(int address)
        {
            flash.Read(address, pair, 0, RecordCodec.Size);
            BytesRead += RecordCodec.Size;
            for (int i = 0; i < RecordCodec.Size; i++)
            {
                if (pair[i] != 0)
                {
                    flash.Program(address, zeros, 0, RecordCodec.Size);
                    return;
                }
            }
        }

        private void Keep(byte[] buffer, int at, int slots)
        {
            for (int i = 0; i < slots * RecordCodec.Size; i++)
            {
                kept[i] = buffer[at + i];
            }
        }

        /// <summary>Slots of the complete record at slot i (1 or 2), or 0.</summary>
        private int CompleteRecordAt(int i, int slotsAddress, int at)
        {
            if (!RecordCodec.IsIntact(page, at) || RecordCodec.IsContinuation(page, at))
            {
                return 0;
            }

            if (!RecordCodec.NeedsContinuation(page, at))
            {
                return 1;
            }

            if (i + 1 >= slotsPerSector)
            {
                return 0;
            }

            BytesRead += 2 * RecordCodec.Size * FlashPages.ReadAgreed(flash, slotsAddress + (i * RecordCodec.Size), pair, 0, 2 * RecordCodec.Size, pageCheck);
            return MealLedger.IsCompleteRecord(pair, 0, 2) && RecordCodec.OffsetOf(pair, 0) == RecordCodec.OffsetOf(page, at) ? 2 : 0;
        }
    }
}
