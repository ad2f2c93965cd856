using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// The ledger's sector headers, read when first needed instead of all at mount, and the search
    /// for the ring's head. Sectors are opened in ring order with rising first sequences, so in
    /// index order the valid headers from sector 0 up to the head hold first sequences at or above
    /// sector 0's, and every header after the head is older, torn or erased: a binary search finds
    /// the last. Only the sector after the head can be torn or half-erased by a cut (it is the one
    /// being opened). A header that is unreadable anywhere else would turn the search aside, so the
    /// result is checked: the next readable header within HeadCheckWindow sectors after it must be
    /// older, none read may be newer or equal, else every header is read as before (Sweep).
    /// </summary>
    public sealed partial class MealLedger
    {
        /// <summary>Sectors after a found head read for a newer header: a run of this many unreadable ones is not looked past.</summary>
        private const int HeadCheckWindow = 3;

        private int headerBytesRead;
        private int newestLoaded = -1;

        private void ForgetHeaders()
        {
            for (int s = 0; s < sectorCount; s++)
            {
                headerKnown[s] = false;
                sectorFirstSequence[s] = Empty;
                sectorEraseCount[s] = 0;
            }

            newestLoaded = -1;
        }

        /// <summary>First sequence of sector s, its header read if it was not yet; Empty when it holds no records.</summary>
        private uint FirstOf(int s)
        {
            Load(s);
            return sectorFirstSequence[s];
        }

        /// <summary>Reads sector s's header once: only reads that agree may call it torn (a read disturbed on the bus).</summary>
        private void Load(int s)
        {
            if (headerKnown[s])
            {
                return;
            }

            int address = SectorAddress(s);
            flash.Read(address, probe, 0, HeaderSize);
            headerBytesRead += HeaderSize;
            bool parsed = TryParseHeader(s);
            if (!parsed && !LittleEndian.IsErased(probe, 0, HeaderSize))
            {
                headerBytesRead += HeaderSize * FlashPages.ReadAgreed(flash, address, probe, 0, HeaderSize, readBack);
                parsed = TryParseHeader(s);
            }

            headerKnown[s] = true;
            if (parsed && (newestLoaded < 0 || sectorFirstSequence[s] > sectorFirstSequence[newestLoaded]))
            {
                // The header as read whole: Mount programs the head's again.
                newestLoaded = s;
                System.Array.Copy(probe, headHeader, HeaderSize);
            }
        }

        /// <summary>The head sector (newest first sequence, the lowest index on a tie), -1 when no header is valid.</summary>
        private int FindHead()
        {
            uint reference = FirstOf(0);
            if (reference == Empty)
            {
                return Sweep(); // a fresh chip, or sector 0 being opened after the ring's last: rare
            }

            int low = 0;
            int high = sectorCount;
            while (high - low > 1)
            {
                int middle = low + ((high - low) / 2);
                uint first = FirstOf(middle);
                if (first != Empty && first >= reference)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            return IsHead(low) ? low : Sweep();
        }

        /// <summary>True when nothing read contradicts sector c being the head.</summary>
        private bool IsHead(int c)
        {
            uint first = sectorFirstSequence[c];
            for (int k = 1; k <= HeadCheckWindow && k < sectorCount; k++)
            {
                uint next = FirstOf((c + k) % sectorCount);
                if (next != Empty)
                {
                    if (next >= first)
                    {
                        return false;
                    }

                    break;
                }
            }

            if (c > 0 && FirstOf(c - 1) == first)
            {
                return false; // two sectors opened at one sequence: the sweep's rule decides
            }

            return newestLoaded == c;
        }

        /// <summary>Reads every header, as mounts before the search did.</summary>
        private int Sweep()
        {
            ForgetHeaders();
            for (int s = 0; s < sectorCount; s++)
            {
                Load(s);
            }

            return newestLoaded;
        }

        private bool TryParseHeader(int s)
        {
            if (LittleEndian.IsErased(probe, 0, HeaderSize))
            {
                return false;
            }

            if (LittleEndian.ReadUInt32(probe, 0) != SectorMagic
                || Crc32.Compute(probe, 0, 28) != LittleEndian.ReadUInt32(probe, 28)
                || LittleEndian.ReadUInt16(probe, 4) != FormatVersion)
            {
                // A header torn by a power cut: the sector is dirty and is erased before reuse.
                sectorEraseCount[s] = 0;
                return false;
            }

            sectorEraseCount[s] = LittleEndian.ReadUInt32(probe, 8);
            sectorFirstSequence[s] = LittleEndian.ReadUInt32(probe, 12);
            return true;
        }
    }
}
