using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// The ledger epoch: a 32-bit name for one life of the ledger, chosen when a fresh or wiped
    /// ledger gets its first record and kept in every sector header (bytes 16..19). Sequence numbers
    /// restart at 1 only with a new ledger, so (epoch, sequence) names a record even across a wipe
    /// or a replaced device, and the gateway can refuse a new ledger's sequence 1 instead of taking
    /// it for the old one's (docs/formats.md, docs/protocol.md).
    ///
    /// The device has no good random source at boot, so the epoch mixes what differs between two
    /// lives of a ledger: the first record (wall-clock seconds, or milliseconds since boot when the
    /// clock is not set: a person's tap lands on a different millisecond each time; the elder id,
    /// card key, verdict and boot count), the sum of the sector erase counts found at mount (they
    /// survive a wipe of the headers' contents, not a new chip) and a salt from the terminal (boot
    /// count and milliseconds since boot at mount). A CRC-32 of those bytes spreads them over all
    /// 32 bits. It need not be secret, only different from the epoch the same terminal id had before.
    /// </summary>
    public static class LedgerEpoch
    {
        /// <summary>Epoch of a ledger written before epochs: its header bytes were left erased.</summary>
        public const uint Legacy = 0;

        private const uint Erased = 0xFFFFFFFF;

        /// <summary>The epoch in a sector header; an erased field (a sector from older firmware) is Legacy.</summary>
        public static uint Read(byte[] header, int at)
        {
            uint epoch = LittleEndian.ReadUInt32(header, at);
            return epoch == Erased ? Legacy : epoch;
        }

        /// <summary>A new epoch, never Legacy nor the erased value; scratch must hold 32 bytes.</summary>
        public static uint Choose(MealRecord first, uint salt, uint eraseCounts, byte[] scratch)
        {
            LittleEndian.WriteUInt32(scratch, 0, first.Time);
            LittleEndian.WriteUInt32(scratch, 4, first.ElderId);
            LittleEndian.WriteUInt16(scratch, 8, first.BootCount & 0xFFFF);
            scratch[10] = (byte)first.Verdict;
            scratch[11] = (byte)first.Category;
            LittleEndian.WriteUInt32(scratch, 12, eraseCounts);
            LittleEndian.WriteUInt32(scratch, 16, salt);
            for (int i = 0; i < Cards.CardKey.Size && 20 + i < scratch.Length; i++)
            {
                scratch[20 + i] = first.CardKey[i];
            }

            uint epoch = Crc32.Compute(scratch, 0, 20 + Cards.CardKey.Size);
            return epoch == Legacy || epoch == Erased ? 1 : epoch;
        }
    }
}
