namespace MealTerminal.Core.Text
{
    /// <summary>
    /// Byte-level checks that make outside text mean the same on nanoFramework and .NET. On the
    /// device Encoding.UTF8.GetString stops at the first NUL, decodes malformed UTF-8 to fewer U+FFFD
    /// and indexes surrogate pairs wrongly, and string.Trim() strips a different set of characters;
    /// text that passes these checks decodes identically on both and is trimmed by us, not by Trim().
    /// Used by the provisioning record (Drivers) and the configuration image's period names.
    /// </summary>
    public static class PortableText
    {
        /// <summary>True for a space or a tab: the only characters the parsers trim.</summary>
        public static bool IsBlank(byte b)
        {
            return b == 0x20 || b == 0x09;
        }

        /// <summary>Printable ASCII only (20h..7Eh).</summary>
        public static bool IsPrintableAscii(byte[] bytes, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (bytes[i] < 0x20 || bytes[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when a string encodes to portable UTF-8: no surrogates (characters outside the Basic
        /// Multilingual Plane, or a lone half that .NET would encode as U+FFFD), no C0 or C1 control
        /// characters, no DEL and no byte-order mark.
        /// </summary>
        public static bool IsPortable(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Well-formed UTF-8 (RFC 3629: shortest form, no encoded surrogates) of Basic Multilingual
        /// Plane characters only (no 4-byte sequences, which decode to surrogate pairs), with no C0 or
        /// C1 control characters, no DEL and no byte-order mark.
        /// </summary>
        public static bool IsPortableUtf8(byte[] bytes, int offset, int count)
        {
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int b = bytes[i];
                int code;
                int length;
                if (b < 0x80)
                {
                    code = b;
                    length = 1;
                }
                else if (b >= 0xC2 && b <= 0xDF)
                {
                    code = b & 0x1F;
                    length = 2;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    code = b & 0x0F;
                    length = 3;
                }
                else
                {
                    return false; // continuation byte first, C0/C1 overlong leads, or a 4-byte sequence
                }

                if (i + length > end)
                {
                    return false;
                }

                for (int k = 1; k < length; k++)
                {
                    int continuation = bytes[i + k];
                    if ((continuation & 0xC0) != 0x80)
                    {
                        return false;
                    }

                    code = (code << 6) | (continuation & 0x3F);
                }

                bool overlong = length == 3 && code < 0x800;
                bool surrogate = code >= 0xD800 && code <= 0xDFFF;
                bool control = code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0xFEFF;
                if (overlong || surrogate || control)
                {
                    return false;
                }

                i += length;
            }

            return true;
        }
    }
}
