using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Roster and configuration download (docs/protocol.md). Little-endian, each message sealed by a
    /// CRC-32 of the bytes before it. Kind 1 is the roster image, kind 2 the configuration image,
    /// kind 3 a voice pack (Voice/VoicePackFormat), kind 4 the font image (Fonts/FontFormat).
    ///   offer (roster / config, gateway to terminal, retained), 20 bytes: u8 format version (1),
    ///     u8 kind, u32 image version, u32 image size, u32 CRC-32 of the image, u16 chunk size, u32 CRC
    ///   fetch (terminal to gateway), 16 bytes: u8 format version, u8 kind, u32 image version,
    ///     u32 offset, u16 length, u32 CRC
    ///   chunk (gateway to terminal), 17 + n bytes: u8 format version, u8 kind, u8 status (0 ok,
    ///     1 that version is no longer offered, 2 range refused), u32 image version, u32 offset,
    ///     u16 length n, n bytes of the image, u32 CRC
    /// </summary>
    public static class DownloadCodec
    {
        public const int FormatVersion = 1;
        public const int KindRoster = 1;
        public const int KindConfig = 2;

        /// <summary>Kind 3: a voice pack (Voice/VoicePackFormat).</summary>
        public const int KindVoicePack = 3;

        /// <summary>Kind 4: the font image (Fonts/FontFormat).</summary>
        public const int KindFont = 4;

        /// <summary>Highest kind a Downloader has room for.</summary>
        public const int MaxKind = 4;
        public const int OfferSize = 20;
        public const int FetchSize = 16;
        public const int ChunkHeaderSize = 13;
        public const int ChunkOverhead = ChunkHeaderSize + 4;

        /// <summary>Largest chunk either side uses: a few KB is the most an ESP32 message should carry.</summary>
        public const int MaxChunk = 2048;
        public const int StatusOk = 0;
        public const int StatusGone = 1;
        public const int StatusRefused = 2;

        public static bool IsKind(int kind)
        {
            return kind == KindRoster || kind == KindConfig || kind == KindVoicePack || kind == KindFont;
        }

        public static int EncodeOffer(byte[] buffer, int kind, uint version, int size, uint imageCrc, int chunkSize)
        {
            buffer[0] = FormatVersion;
            buffer[1] = (byte)kind;
            LittleEndian.WriteUInt32(buffer, 2, version);
            LittleEndian.WriteUInt32(buffer, 6, (uint)size);
            LittleEndian.WriteUInt32(buffer, 10, imageCrc);
            LittleEndian.WriteUInt16(buffer, 14, chunkSize);
            LittleEndian.WriteUInt32(buffer, 16, Crc32.Compute(buffer, 0, 16));
            return OfferSize;
        }

        /// <summary>Decodes an offer into offer; false for anything malformed (unknown kind, version 0, empty image, chunk size out of 1..MaxChunk).</summary>
        public static bool TryDecodeOffer(byte[] buffer, int length, DownloadOffer offer)
        {
            if (length != OfferSize || buffer[0] != FormatVersion
                || Crc32.Compute(buffer, 0, 16) != LittleEndian.ReadUInt32(buffer, 16))
            {
                return false;
            }

            int kind = buffer[1];
            uint version = LittleEndian.ReadUInt32(buffer, 2);
            uint size = LittleEndian.ReadUInt32(buffer, 6);
            int chunk = LittleEndian.ReadUInt16(buffer, 14);
            if (!IsKind(kind) || version == 0 || size == 0 || size > 0x7FFFFFFF || chunk == 0 || chunk > MaxChunk)
            {
                return false;
            }

            offer.Kind = kind;
            offer.Version = version;
            offer.Size = (int)size;
            offer.ImageCrc = LittleEndian.ReadUInt32(buffer, 10);
            offer.ChunkSize = chunk;
            return true;
        }

        public static int EncodeFetch(byte[] buffer, int kind, uint version, int offset, int length)
        {
            buffer[0] = FormatVersion;
            buffer[1] = (byte)kind;
            LittleEndian.WriteUInt32(buffer, 2, version);
            LittleEndian.WriteUInt32(buffer, 6, (uint)offset);
            LittleEndian.WriteUInt16(buffer, 10, length);
            LittleEndian.WriteUInt32(buffer, 12, Crc32.Compute(buffer, 0, 12));
            return FetchSize;
        }

        /// <summary>Decodes a fetch; false for anything malformed (unknown kind, length out of 1..MaxChunk).</summary>
        public static bool TryDecodeFetch(byte[] buffer, int length, out int kind, out uint version, out int offset, out int count)
        {
            kind = 0;
            version = 0;
            offset = 0;
            count = 0;
            if (length != FetchSize || buffer[0] != FormatVersion
                || Crc32.Compute(buffer, 0, 12) != LittleEndian.ReadUInt32(buffer, 12))
            {
                return false;
            }

            uint at = LittleEndian.ReadUInt32(buffer, 6);
            int n = LittleEndian.ReadUInt16(buffer, 10);
            if (!IsKind(buffer[1]) || n == 0 || n > MaxChunk || at > 0x7FFFFFFF)
            {
                return false;
            }

            kind = buffer[1];
            version = LittleEndian.ReadUInt32(buffer, 2);
            offset = (int)at;
            count = n;
            return true;
        }

        /// <summary>Writes a chunk header, copies count bytes of data, seals it; returns the length.</summary>
        public static int EncodeChunk(byte[] buffer, int kind, int status, uint version, int offset, byte[] data, int dataOffset, int count)
        {
            buffer[0] = FormatVersion;
            buffer[1] = (byte)kind;
            buffer[2] = (byte)status;
            LittleEndian.WriteUInt32(buffer, 3, version);
            LittleEndian.WriteUInt32(buffer, 7, (uint)offset);
            LittleEndian.WriteUInt16(buffer, 11, count);
            for (int i = 0; i < count; i++)
            {
                buffer[ChunkHeaderSize + i] = data[dataOffset + i];
            }

            int end = ChunkHeaderSize + count;
            LittleEndian.WriteUInt32(buffer, end, Crc32.Compute(buffer, 0, end));
            return end + 4;
        }

        /// <summary>
        /// Checks a chunk in place and reads its header; the data stay at ChunkHeaderSize in buffer.
        /// False for anything malformed: wrong length, bad CRC, unknown kind or status, data with a refusal.
        /// </summary>
        public static bool TryDecodeChunk(byte[] buffer, int length, out int kind, out int status, out uint version, out int offset, out int count)
        {
            kind = 0;
            status = 0;
            version = 0;
            offset = 0;
            count = 0;
            if (length < ChunkOverhead || buffer[0] != FormatVersion)
            {
                return false;
            }

            int n = LittleEndian.ReadUInt16(buffer, 11);
            uint at = LittleEndian.ReadUInt32(buffer, 7);
            if (n > MaxChunk || length != ChunkOverhead + n || at > 0x7FFFFFFF
                || Crc32.Compute(buffer, 0, ChunkHeaderSize + n) != LittleEndian.ReadUInt32(buffer, ChunkHeaderSize + n))
            {
                return false;
            }

            int s = buffer[2];
            if (!IsKind(buffer[1]) || s > StatusRefused || (s != StatusOk && n != 0) || (s == StatusOk && n == 0))
            {
                return false;
            }

            kind = buffer[1];
            status = s;
            version = LittleEndian.ReadUInt32(buffer, 3);
            offset = (int)at;
            count = n;
            return true;
        }
    }

    /// <summary>What an offer announces: the image to fetch when its version is newer than the installed one.</summary>
    public sealed class DownloadOffer
    {
        public int Kind;
        public uint Version;
        public int Size;
        public uint ImageCrc;
        public int ChunkSize;

        public void CopyFrom(DownloadOffer other)
        {
            Kind = other.Kind;
            Version = other.Version;
            Size = other.Size;
            ImageCrc = other.ImageCrc;
            ChunkSize = other.ChunkSize;
        }
    }
}
