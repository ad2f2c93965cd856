using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Status heartbeat, terminal to gateway, retained (docs/protocol.md). Little-endian, 38 bytes:
    ///   0 u8 format version (1)        1 u8 flags: bit 0 online, bit 1 clock valid, bit 2 reader healthy,
    ///                                               bit 3 identity conflict (the gateway refuses this ledger)
    ///   2 u32 firmware version          6 u32 roster version     10 u32 config version
    ///  14 u32 records pending          18 u8 storage used %      19 u32 uptime seconds
    ///  23 u32 boot count               27 i8 RSSI dBm (-128 unknown)
    ///  28 u16 reader re-initialisations 30 u16 reader chip timeouts 32 u16 card read errors
    ///  34 u32 CRC-32 of bytes 0..33
    /// The last will is the 7 ASCII bytes "offline" instead: nanoFramework.M2Mqtt takes the will as a
    /// string and sends it UTF-8 encoded, so a binary form with CRC bytes of 0x00 or above 0x7F could
    /// not pass through it unchanged.
    /// </summary>
    public static class StatusCodec
    {
        public const int FormatVersion = 1;
        public const int Size = 38;
        public const string OfflineWill = "offline";
        public const int FlagOnline = 0x01;
        public const int FlagClockValid = 0x02;
        public const int FlagReaderHealthy = 0x04;
        public const int FlagIdentityConflict = 0x08;
        public const int UnknownSignal = -128;

        public static int Encode(byte[] buffer, TerminalStatus status)
        {
            buffer[0] = FormatVersion;
            buffer[1] = (byte)((status.Online ? FlagOnline : 0) | (status.ClockValid ? FlagClockValid : 0)
                | (status.ReaderHealthy ? FlagReaderHealthy : 0) | (status.IdentityConflict ? FlagIdentityConflict : 0));
            LittleEndian.WriteUInt32(buffer, 2, status.FirmwareVersion);
            LittleEndian.WriteUInt32(buffer, 6, status.RosterVersion);
            LittleEndian.WriteUInt32(buffer, 10, status.ConfigVersion);
            LittleEndian.WriteUInt32(buffer, 14, (uint)status.RecordsPending);
            buffer[18] = (byte)Clamp(status.StorageUsedPercent, 0, 100);
            LittleEndian.WriteUInt32(buffer, 19, status.UptimeSeconds);
            LittleEndian.WriteUInt32(buffer, 23, status.BootCount);
            buffer[27] = (byte)(sbyte)Clamp(status.SignalDbm, -128, 127);
            LittleEndian.WriteUInt16(buffer, 28, Clamp(status.ReaderReinits, 0, 0xFFFF));
            LittleEndian.WriteUInt16(buffer, 30, Clamp(status.ReaderTimeouts, 0, 0xFFFF));
            LittleEndian.WriteUInt16(buffer, 32, Clamp(status.CardErrors, 0, 0xFFFF));
            LittleEndian.WriteUInt32(buffer, 34, Crc32.Compute(buffer, 0, 34));
            return Size;
        }

        /// <summary>Writes the last-will form ("offline" in ASCII) and returns its length.</summary>
        public static int EncodeOffline(byte[] buffer)
        {
            for (int i = 0; i < OfflineWill.Length; i++)
            {
                buffer[i] = (byte)OfflineWill[i];
            }

            return OfflineWill.Length;
        }

        /// <summary>
        /// Decodes either form into status (the offline form sets only Online = false); false for
        /// anything malformed, leaving status unspecified.
        /// </summary>
        public static bool TryDecode(byte[] buffer, int length, TerminalStatus status)
        {
            if (IsOffline(buffer, length))
            {
                status.Online = false;
                return true;
            }

            if (length != Size || buffer[0] != FormatVersion || (buffer[1] & 0xF0) != 0
                || Crc32.Compute(buffer, 0, 34) != LittleEndian.ReadUInt32(buffer, 34) || buffer[18] > 100)
            {
                return false;
            }

            status.Online = (buffer[1] & FlagOnline) != 0;
            status.ClockValid = (buffer[1] & FlagClockValid) != 0;
            status.ReaderHealthy = (buffer[1] & FlagReaderHealthy) != 0;
            status.IdentityConflict = (buffer[1] & FlagIdentityConflict) != 0;
            status.FirmwareVersion = LittleEndian.ReadUInt32(buffer, 2);
            status.RosterVersion = LittleEndian.ReadUInt32(buffer, 6);
            status.ConfigVersion = LittleEndian.ReadUInt32(buffer, 10);
            status.RecordsPending = (int)LittleEndian.ReadUInt32(buffer, 14);
            status.StorageUsedPercent = buffer[18];
            status.UptimeSeconds = LittleEndian.ReadUInt32(buffer, 19);
            status.BootCount = LittleEndian.ReadUInt32(buffer, 23);
            status.SignalDbm = (sbyte)buffer[27];
            status.ReaderReinits = LittleEndian.ReadUInt16(buffer, 28);
            status.ReaderTimeouts = LittleEndian.ReadUInt16(buffer, 30);
            status.CardErrors = LittleEndian.ReadUInt16(buffer, 32);
            return status.RecordsPending >= 0;
        }

        private static bool IsOffline(byte[] buffer, int length)
        {
            if (length != OfflineWill.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (buffer[i] != (byte)OfflineWill[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int Clamp(int value, int min, int max)
        {
            return value < min ? min : (value > max ? max : value);
        }
    }
}
