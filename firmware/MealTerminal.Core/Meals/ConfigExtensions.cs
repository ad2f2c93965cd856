namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// The extension section of a format-3 configuration image (docs/protocol.md): settings added after
    /// format 2 travel as tagged fields, so a feature adds a tag instead of a new image format.
    /// Layout: u8 field count, then per field u8 tag, u8 length L, L bytes of value; tags strictly
    /// ascending, each at most once. A terminal refuses an image with a tag it does not know (it keeps
    /// its configuration and reports the old version in its heartbeat), because a setting it cannot
    /// apply may change which meals count.
    /// Tag ranges: 1..15 home delivery and welfare check (issue 17), 16..31 voice and display (issue 18),
    /// 32..254 free, 0 and 255 never used.
    /// </summary>
    public static class ConfigExtensions
    {
        public const int MaxFields = 16;

        /// <summary>Tag 1, u8: what the terminal is for (TerminalModeCanteen, TerminalModeDelivery).</summary>
        public const int TagTerminalMode = 1;
        public const int TerminalModeCanteen = 0;
        public const int TerminalModeDelivery = 1;
        public const int MaxValueBytes = 64;

        /// <summary>The section holding no fields.</summary>
        public static readonly byte[] Empty = new byte[] { 0 };

        /// <summary>Whether this firmware knows a tag and its value is well formed; null when it is, else why not.</summary>
        public static string CheckField(int tag, byte[] section, int valueAt, int length)
        {
            switch (tag)
            {
                case TagTerminalMode:
                    return length == 1 && section[valueAt] <= TerminalModeDelivery ? null : "terminal mode must be one byte, 0 or 1";
                case Voice.VoiceSettings.TagVolume:
                case Voice.VoiceSettings.TagSilentHours:
                    return Voice.VoiceSettings.CheckField(tag, section, valueAt, length);
                case DeliverySettings.TagRegularDays:
                case DeliverySettings.TagRegularWindow:
                case DeliverySettings.TagAbsentCutoff:
                    return DeliverySettings.CheckField(tag, section, valueAt, length);
                default:
                    return "unknown configuration field " + tag;
            }
        }

        /// <summary>The first framing or field problem of a section; null when it is sound.</summary>
        public static string Check(byte[] section)
        {
            if (section == null || section.Length < 1)
            {
                return "configuration extension section missing";
            }

            int count = section[0];
            if (count > MaxFields)
            {
                return "too many configuration fields";
            }

            int at = 1;
            int previous = 0;
            for (int i = 0; i < count; i++)
            {
                if (at + 2 > section.Length)
                {
                    return "configuration field cut short";
                }

                int tag = section[at];
                int length = section[at + 1];
                if (tag <= previous || tag == 255)
                {
                    return "configuration fields out of order or repeated";
                }

                if (length > MaxValueBytes || at + 2 + length > section.Length)
                {
                    return "configuration field too long";
                }

                string problem = CheckField(tag, section, at + 2, length);
                if (problem != null)
                {
                    return problem;
                }

                previous = tag;
                at += 2 + length;
            }

            return at == section.Length ? null : "bytes after the last configuration field";
        }

        /// <summary>The length of the well-framed section starting at offset, or -1 when the framing is broken.</summary>
        public static int Measure(byte[] buffer, int offset, int available)
        {
            if (offset >= available)
            {
                return -1;
            }

            int count = buffer[offset];
            int at = offset + 1;
            for (int i = 0; i < count; i++)
            {
                if (at + 2 > available)
                {
                    return -1;
                }

                at += 2 + buffer[at + 1];
            }

            return at > available ? -1 : at - offset;
        }

        /// <summary>Where the value of tag starts in the section, or -1 when absent; its length is section[at - 1].</summary>
        public static int Find(byte[] section, int tag)
        {
            if (section == null || section.Length < 1)
            {
                return -1;
            }

            int at = 1;
            for (int i = 0; i < section[0] && at + 2 <= section.Length; i++)
            {
                if (section[at] == tag)
                {
                    return at + 2;
                }

                at += 2 + section[at + 1];
            }

            return -1;
        }

        /// <summary>A new section with tag set to value (replacing an earlier value), fields kept in tag order. Not for the tap path.</summary>
        public static byte[] With(byte[] section, int tag, byte[] value)
        {
            if (section == null)
            {
                section = Empty;
            }

            int old = Find(section, tag);
            int oldBytes = old < 0 ? 0 : 2 + section[old - 1];
            byte[] result = new byte[section.Length - oldBytes + 2 + value.Length];
            int count = section[0] + (old < 0 ? 1 : 0);
            result[0] = (byte)count;
            int from = 1;
            int to = 1;
            bool written = false;
            for (int i = 0; i < section[0]; i++)
            {
                int fieldTag = section[from];
                int fieldBytes = 2 + section[from + 1];
                if (!written && fieldTag >= tag)
                {
                    to = Put(result, to, tag, value);
                    written = true;
                }

                if (fieldTag != tag)
                {
                    System.Array.Copy(section, from, result, to, fieldBytes);
                    to += fieldBytes;
                }

                from += fieldBytes;
            }

            if (!written)
            {
                Put(result, to, tag, value);
            }

            return result;
        }

        /// <summary>The terminal mode a section sets; canteen when it sets none.</summary>
        public static int TerminalMode(byte[] section)
        {
            int at = Find(section, TagTerminalMode);
            return at < 0 ? TerminalModeCanteen : section[at];
        }

        private static int Put(byte[] result, int at, int tag, byte[] value)
        {
            result[at] = (byte)tag;
            result[at + 1] = (byte)value.Length;
            System.Array.Copy(value, 0, result, at + 2, value.Length);
            return at + 2 + value.Length;
        }
    }
}
