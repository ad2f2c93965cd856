using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// Reads the ledger newest record first, a whole flash page at a time, sector by sector back
    /// through the ring: the way to recount meals without a random read per record. Yields every
    /// complete record (a record that needs a continuation slot only with it intact right after,
    /// as MealLedger.TryRead does); erased, torn and continuation slots are passed over, never
    /// taken as the end. Card keys are not read (Decode leaves them zero). Allocates nothing.
    /// </summary>
    public sealed class LedgerScan
    {
        private const uint Empty = 0xFFFFFFFF;

        private readonly MealLedger ledger;
        private readonly IFlash flash;
        private readonly byte[] page;
        private int sector = -1;
        private int slot;
        private int loadedPage = -1;
        private int continuationOffset = -1;

        public LedgerScan(MealLedger ledger)
        {
            this.ledger = ledger;
            flash = ledger.Flash;
            page = new byte[flash.PageSize];
        }

        /// <summary>Sectors entered since Start, the one being read included.</summary>
        public int SectorsEntered { get; private set; }

        /// <summary>Starts at the newest record.</summary>
        public void Start()
        {
            sector = ledger.HeadSector;
            SectorsEntered = sector < 0 ? 0 : 1;
            slot = ledger.SlotsPerSector - 1;
            loadedPage = -1;
            continuationOffset = -1;
        }

        /// <summary>Fills record with the next older complete record; false when none is left.</summary>
        public bool Next(MealRecord record)
        {
            while (sector >= 0)
            {
                while (slot >= 0)
                {
                    int at = Load(slot);
                    slot--;
                    int following = continuationOffset;
                    continuationOffset = -1;
                    if (LittleEndian.IsErased(page, at, RecordCodec.Size) || !RecordCodec.IsIntact(page, at))
                    {
                        continue; // erased, or torn by a power cut
                    }

                    if (RecordCodec.IsContinuation(page, at))
                    {
                        continuationOffset = RecordCodec.OffsetOf(page, at);
                        continue;
                    }

                    if (RecordCodec.NeedsContinuation(page, at) && following != RecordCodec.OffsetOf(page, at))
                    {
                        continue; // its continuation was torn: the record was never shown, its sequence reused
                    }

                    RecordCodec.Decode(page, at, ledger.FirstSequenceOf(sector), record);
                    return true;
                }

                EnterOlderSector();
            }

            return false;
        }

        /// <summary>Moves to the sector before the current one in the ring, or ends the scan.</summary>
        private void EnterOlderSector()
        {
            int count = ledger.SectorCount;
            int older = (sector + count - 1) % count;
            uint first = ledger.FirstSequenceOf(older);
            if (older == ledger.HeadSector || first == Empty || first >= ledger.FirstSequenceOf(sector))
            {
                sector = -1;
                return;
            }

            sector = older;
            SectorsEntered++;
            slot = ledger.SlotsPerSector - 1;
            loadedPage = -1;
            continuationOffset = -1;
        }

        /// <summary>Makes sure the page holding slot index i is loaded; returns the slot's offset in it.</summary>
        private int Load(int i)
        {
            int address = ledger.SlotAddressOf(sector, i);
            int pageAddress = address - (address % flash.PageSize);
            if (pageAddress != loadedPage)
            {
                flash.Read(pageAddress, page, 0, flash.PageSize);
                loadedPage = pageAddress;
            }

            return address - pageAddress;
        }
    }
}
