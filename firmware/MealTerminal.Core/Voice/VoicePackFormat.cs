using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// The voice pack image (docs/formats.md "Voice pack"), little-endian:
    ///   0  u32 magic "VPCK"          4  u8 format version (1)     5  u8 sample format (1 = unsigned 8-bit PCM, mono)
    ///   6  u16 index entries N (1..255; entry i is phrase id i, entry 0 unused)
    ///   8  u32 pack version          12 u32 sample rate in Hz (8000..16000)
    ///   16 u32 image size (all bytes, the CRC included)
    ///   20 8 bytes language tag, ASCII, NUL-padded ("cmn", "yue", "gan")   28 u32 reserved, 0
    ///   32 N x (u32 clip offset from the image start, u32 clip length in bytes; length 0 = no clip)
    ///   clips, then u32 CRC-32 of every byte before it.
    /// A pack may hold fewer phrases than the firmware knows (the missing ones are skipped) or more
    /// (ignored), so a dialect pack recorded for one firmware keeps working on the next.
    /// </summary>
    public static class VoicePackFormat
    {
        public const uint Magic = 0x4B435056; // "VPCK"
        public const int FormatVersion = 1;
        public const int SampleFormatPcm8 = 1;
        public const int HeaderSize = 32;
        public const int IndexEntrySize = 8;
        public const int MaxEntries = 255;
        public const int MinSampleRate = 8000;
        public const int MaxSampleRate = 16000;

        /// <summary>
        /// Checks the header and index in buffer (at least HeaderSize + IndexEntrySize * N bytes of the
        /// image start) against an image of imageSize bytes; null when sound, else why not.
        /// </summary>
        public static string CheckHeader(byte[] buffer, int available, int imageSize)
        {
            if (available < HeaderSize || LittleEndian.ReadUInt32(buffer, 0) != Magic)
            {
                return "not a voice pack";
            }

            if (buffer[4] != FormatVersion || buffer[5] != SampleFormatPcm8)
            {
                return "voice pack format or sample format unknown";
            }

            int entries = EntryCount(buffer);
            int rate = (int)LittleEndian.ReadUInt32(buffer, 12);
            if (entries < 1 || entries > MaxEntries || rate < MinSampleRate || rate > MaxSampleRate
                || LittleEndian.ReadUInt32(buffer, 8) == 0)
            {
                return "voice pack header out of range";
            }

            int dataStart = HeaderSize + (entries * IndexEntrySize);
            if ((int)LittleEndian.ReadUInt32(buffer, 16) != imageSize || imageSize < dataStart + 4 || available < dataStart)
            {
                return "voice pack size does not match";
            }

            for (int i = 1; i < entries; i++)
            {
                uint offset = LittleEndian.ReadUInt32(buffer, HeaderSize + (i * IndexEntrySize));
                uint length = LittleEndian.ReadUInt32(buffer, HeaderSize + (i * IndexEntrySize) + 4);
                if (length > 0 && (offset < (uint)dataStart || length > (uint)(imageSize - 4) || offset > (uint)(imageSize - 4) - length))
                {
                    return "voice clip outside the pack";
                }
            }

            return null;
        }

        public static int EntryCount(byte[] header)
        {
            return LittleEndian.ReadUInt16(header, 6);
        }

        public static int IndexSize(int entries)
        {
            return HeaderSize + (entries * IndexEntrySize);
        }

        /// <summary>
        /// Builds a pack from one clip per phrase id (clips[0] and null entries: no clip). For tools,
        /// the gateway and tests; not for the terminal (it allocates).
        /// </summary>
        public static byte[] Build(uint version, int sampleRate, string language, byte[][] clips)
        {
            int entries = clips.Length;
            int size = IndexSize(entries) + 4;
            for (int i = 0; i < entries; i++)
            {
                size += clips[i] == null ? 0 : clips[i].Length;
            }

            byte[] image = new byte[size];
            LittleEndian.WriteUInt32(image, 0, Magic);
            image[4] = FormatVersion;
            image[5] = SampleFormatPcm8;
            LittleEndian.WriteUInt16(image, 6, entries);
            LittleEndian.WriteUInt32(image, 8, version);
            LittleEndian.WriteUInt32(image, 12, (uint)sampleRate);
            LittleEndian.WriteUInt32(image, 16, (uint)size);
            for (int i = 0; i < language.Length && i < 8; i++)
            {
                image[20 + i] = (byte)language[i];
            }

            int at = IndexSize(entries);
            for (int i = 1; i < entries; i++)
            {
                if (clips[i] == null || clips[i].Length == 0)
                {
                    continue;
                }

                LittleEndian.WriteUInt32(image, HeaderSize + (i * IndexEntrySize), (uint)at);
                LittleEndian.WriteUInt32(image, HeaderSize + (i * IndexEntrySize) + 4, (uint)clips[i].Length);
                System.Array.Copy(clips[i], 0, image, at, clips[i].Length);
                at += clips[i].Length;
            }

            LittleEndian.WriteUInt32(image, at, Crc32.Compute(image, 0, at));
            return image;
        }
    }
}
