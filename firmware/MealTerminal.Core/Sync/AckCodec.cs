using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Acknowledgement, gateway to terminal (docs/protocol.md): u8 format version (2), u8 status
    /// (0 stored, other values a refusal reason), u32 highest sequence stored durably as a
    /// contiguous prefix, u32 the ledger epoch that sequence counts in, u32 CRC-32 of the 10 bytes
    /// before it. The epoch lets a terminal tell an acknowledgement meant for its own ledger from
    /// one meant for the ledger it had before a wipe (or for another device with its name).
    /// Version 1, for terminals whose batches are version 1, is the same without the epoch.
    /// </summary>
    public static class AckCodec
    {
        public const int FormatVersion = 2;
        public const int Size = 14;
        public const int LegacyFormatVersion = 1;
        public const int LegacySize = 10;

        public const int StatusStored = 0;

        /// <summary>
        /// The batch's ledger epoch is not the one the gateway knows for this terminal, or a sequence
        /// it already stored came again with other content: nothing of the batch was stored, and an
        /// operator must review (the gateway's "terminal reset-epoch"). The acknowledged sequence is 0
        /// and the epoch field carries the epoch the gateway expected.
        /// </summary>
        public const int StatusIdentityConflict = 64;

        public static int Encode(byte[] buffer, int status, uint acknowledgedSequence, uint epoch)
        {
            buffer[0] = FormatVersion;
            buffer[1] = (byte)status;
            LittleEndian.WriteUInt32(buffer, 2, acknowledgedSequence);
            LittleEndian.WriteUInt32(buffer, 6, epoch);
            LittleEndian.WriteUInt32(buffer, 10, Crc32.Compute(buffer, 0, 10));
            return Size;
        }

        /// <summary>The version 1 form, answered to terminals that send version 1 batches.</summary>
        public static int EncodeLegacy(byte[] buffer, int status, uint acknowledgedSequence)
        {
            buffer[0] = LegacyFormatVersion;
            buffer[1] = (byte)status;
            LittleEndian.WriteUInt32(buffer, 2, acknowledgedSequence);
            LittleEndian.WriteUInt32(buffer, 6, Crc32.Compute(buffer, 0, 6));
            return LegacySize;
        }

        /// <summary>Decodes a version 2 ack; returns false for anything malformed or of another version.</summary>
        public static bool TryDecode(byte[] buffer, int length, out int status, out uint acknowledgedSequence, out uint epoch)
        {
            status = 0;
            acknowledgedSequence = 0;
            epoch = 0;
            if (length != Size || buffer[0] != FormatVersion
                || Crc32.Compute(buffer, 0, 10) != LittleEndian.ReadUInt32(buffer, 10))
            {
                return false;
            }

            status = buffer[1];
            acknowledgedSequence = LittleEndian.ReadUInt32(buffer, 2);
            epoch = LittleEndian.ReadUInt32(buffer, 6);
            return true;
        }
    }
}
