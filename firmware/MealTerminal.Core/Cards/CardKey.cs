using System;

namespace MealTerminal.Core.Cards
{
    /// <summary>
    /// A card UID normalised to one fixed width, so that rosters can be sorted and searched by
    /// plain byte comparison: byte 0 is the UID length (4, 7 or 10, the ISO 14443-3 single, double
    /// and triple sizes), bytes 1..10 the UID, zero-padded. Keeping the length in the key means a
    /// 4-byte UID never collides with a 7-byte UID that happens to end in zeros.
    /// </summary>
    public static class CardKey
    {
        public const int Size = 11;
        public const int MaxUidLength = 10;

        public static bool IsValidUidLength(int length)
        {
            return length == 4 || length == 7 || length == 10;
        }

        /// <summary>Writes the key for uid[0..length) into key[offset..offset+Size).</summary>
        public static void FromUid(byte[] uid, int length, byte[] key, int offset)
        {
            if (!IsValidUidLength(length))
            {
                throw new ArgumentException("UID length must be 4, 7 or 10 bytes");
            }

            key[offset] = (byte)length;
            for (int i = 0; i < MaxUidLength; i++)
            {
                key[offset + 1 + i] = i < length ? uid[i] : (byte)0;
            }
        }

        /// <summary>Orders two keys by unsigned bytes; negative when a sorts before b.</summary>
        public static int Compare(byte[] a, int aOffset, byte[] b, int bOffset)
        {
            for (int i = 0; i < Size; i++)
            {
                int diff = a[aOffset + i] - b[bOffset + i];
                if (diff != 0)
                {
                    return diff;
                }
            }

            return 0;
        }

        /// <summary>
        /// True for a 4-byte UID starting with 0x08: ISO 14443-3 reserves that first byte for a
        /// random ID that changes on every tap, so it cannot identify an elder.
        /// </summary>
        public static bool IsRandomUid(byte[] uid, int length)
        {
            return length == 4 && uid[0] == 0x08;
        }

        /// <summary>Upper-case hex of the UID part of a key, e.g. "04A1B2C3D4E5F6".</summary>
        public static string ToHex(byte[] key, int offset)
        {
            int length = key[offset];
            if (length > MaxUidLength)
            {
                length = MaxUidLength;
            }

            char[] chars = new char[length * 2];
            for (int i = 0; i < length; i++)
            {
                int b = key[offset + 1 + i];
                chars[2 * i] = HexDigit(b >> 4);
                chars[(2 * i) + 1] = HexDigit(b & 0xF);
            }

            return new string(chars);
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'A' + value - 10);
        }
    }
}
