using System.Text;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Text;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// The configuration a gateway sends a terminal (docs/formats.md, docs/protocol.md). Little-endian:
    ///    0 u8 format version (1)     1 u32 config version (1..16777215, the configuration marker's 24 bits)
    ///    5 u16 UTC offset in minutes + 1440     7 u8 storage warning percent (50..99)
    ///    8 u16 tap debounce in milliseconds (500..10000)    10 u8 number of meal periods n (1..4)
    ///   then per period: u16 start minute, u16 end minute, u8 meals per elder (1..3),
    ///     u8 name length L (1..18), L bytes of UTF-8 name (PortableText: well-formed, Basic
    ///     Multilingual Plane, no control characters or byte-order mark; read as is, nothing trimmed)
    ///   then u8 price count: 0, or n x 11 pairs (period-major, category-minor) of u16 price fen, u16 subsidy fen
    ///   formats 2 and 3: then u16 clockless meal gap in minutes (60..1440)
    ///   format 3 only: then the extension section (ConfigExtensions: u8 count, tagged fields)
    ///   then u32 CRC-32 of everything before it.
    /// Format 1 means the default gap (3 hours) and no extension fields. Encode writes the lowest
    /// format that holds the values, so a terminal that reads only format 1 still takes a
    /// configuration that needs nothing newer.
    /// </summary>
    public static class ConfigImage
    {
        public const int FormatVersion = 1;

        /// <summary>Format 1 plus the clockless meal gap.</summary>
        public const int FormatVersionWithGap = 2;

        /// <summary>Format 2 plus the extension section of tagged fields.</summary>
        public const int FormatVersionWithExtensions = 3;
        public const int MaxSize = 512;
        public const int MaxNameBytes = 18;
        public const int MinClocklessGapMinutes = 60;
        public const int MaxClocklessGapMinutes = 1440;

        /// <summary>Highest version: the ledger's configuration marker carries it in the 24-bit elder id field.</summary>
        public const uint MaxVersion = 0xFFFFFF;

        /// <summary>Encodes values; returns the length, or -1 when they break a rule (problem says which).</summary>
        public static int Encode(byte[] buffer, ConfigValues values, out string problem)
        {
            problem = Check(values);
            if (problem != null)
            {
                return -1;
            }

            bool withExtensions = values.Extensions != null && values.Extensions[0] > 0;
            bool withGap = withExtensions || values.ClocklessGapMinutes != TerminalConfig.DefaultClocklessGapMinutes;
            buffer[0] = (byte)(withExtensions ? FormatVersionWithExtensions : withGap ? FormatVersionWithGap : FormatVersion);
            LittleEndian.WriteUInt32(buffer, 1, values.Version);
            LittleEndian.WriteUInt16(buffer, 5, values.UtcOffsetMinutes + 1440);
            buffer[7] = (byte)values.StorageWarningPercent;
            LittleEndian.WriteUInt16(buffer, 8, values.DebounceMilliseconds);
            buffer[10] = (byte)values.Periods.Length;
            int at = 11;
            for (int i = 0; i < values.Periods.Length; i++)
            {
                MealPeriod p = values.Periods[i];
                byte[] name = Encoding.UTF8.GetBytes(p.Name);
                LittleEndian.WriteUInt16(buffer, at, p.StartMinute);
                LittleEndian.WriteUInt16(buffer, at + 2, p.EndMinute);
                buffer[at + 4] = (byte)p.LimitPerElder;
                buffer[at + 5] = (byte)name.Length;
                at += 6;
                for (int k = 0; k < name.Length; k++)
                {
                    buffer[at + k] = name[k];
                }

                at += name.Length;
            }

            int prices = values.PriceFen == null ? 0 : values.Periods.Length * ElderCategory.Count;
            buffer[at++] = (byte)prices;
            for (int i = 0; i < prices; i++)
            {
                LittleEndian.WriteUInt16(buffer, at, values.PriceFen[i]);
                LittleEndian.WriteUInt16(buffer, at + 2, values.SubsidyFen[i]);
                at += 4;
            }

            if (withGap)
            {
                LittleEndian.WriteUInt16(buffer, at, values.ClocklessGapMinutes);
                at += 2;
            }

            if (withExtensions)
            {
                if (at + values.Extensions.Length + 4 > MaxSize)
                {
                    problem = "configuration image larger than " + MaxSize + " bytes";
                    return -1;
                }

                System.Array.Copy(values.Extensions, 0, buffer, at, values.Extensions.Length);
                at += values.Extensions.Length;
            }

            LittleEndian.WriteUInt32(buffer, at, Crc32.Compute(buffer, 0, at));
            return at + 4;
        }

        /// <summary>
        /// Reads an image from the start of buffer (at most available bytes), checks its CRC and every
        /// rule; fills values and returns its length, or -1 for anything malformed.
        /// </summary>
        public static int TryDecode(byte[] buffer, int available, ConfigValues values)
        {
            int format = available < 16 ? 0 : buffer[0];
            if (format != FormatVersion && format != FormatVersionWithGap && format != FormatVersionWithExtensions)
            {
                return -1;
            }

            int n = buffer[10];
            if (n < 1 || n > TerminalConfig.MaxPeriods)
            {
                return -1;
            }

            MealPeriod[] periods = new MealPeriod[n];
            int at = 11;
            for (int i = 0; i < n; i++)
            {
                if (at + 6 > available)
                {
                    return -1;
                }

                int length = buffer[at + 5];
                if (length < 1 || length > MaxNameBytes || at + 6 + length > available)
                {
                    return -1;
                }

                // GetString differs between the runtimes on NUL, malformed UTF-8 and surrogates: refuse those.
                if (!PortableText.IsPortableUtf8(buffer, at + 6, length))
                {
                    return -1;
                }

                periods[i] = new MealPeriod(Encoding.UTF8.GetString(buffer, at + 6, length), LittleEndian.ReadUInt16(buffer, at),
                    LittleEndian.ReadUInt16(buffer, at + 2), buffer[at + 4]);
                at += 6 + length;
            }

            if (at + 1 > available)
            {
                return -1;
            }

            int prices = buffer[at++];
            if ((prices != 0 && prices != n * ElderCategory.Count) || at + (prices * 4) + 4 > available)
            {
                return -1;
            }

            int[] price = prices == 0 ? null : new int[prices];
            int[] subsidy = prices == 0 ? null : new int[prices];
            for (int i = 0; i < prices; i++)
            {
                price[i] = LittleEndian.ReadUInt16(buffer, at);
                subsidy[i] = LittleEndian.ReadUInt16(buffer, at + 2);
                at += 4;
            }

            int gap = TerminalConfig.DefaultClocklessGapMinutes;
            if (format != FormatVersion)
            {
                if (at + 2 + 4 > available)
                {
                    return -1;
                }

                gap = LittleEndian.ReadUInt16(buffer, at);
                at += 2;
            }

            byte[] extensions = null;
            if (format == FormatVersionWithExtensions)
            {
                int length = ConfigExtensions.Measure(buffer, at, available);
                if (length < 0 || at + length + 4 > available)
                {
                    return -1;
                }

                extensions = new byte[length];
                System.Array.Copy(buffer, at, extensions, 0, length);
                at += length;
            }

            if (Crc32.Compute(buffer, 0, at) != LittleEndian.ReadUInt32(buffer, at))
            {
                return -1;
            }

            ConfigValues read = new ConfigValues();
            read.Version = LittleEndian.ReadUInt32(buffer, 1);
            read.UtcOffsetMinutes = LittleEndian.ReadUInt16(buffer, 5) - 1440;
            read.StorageWarningPercent = buffer[7];
            read.DebounceMilliseconds = LittleEndian.ReadUInt16(buffer, 8);
            read.ClocklessGapMinutes = gap;
            read.Periods = periods;
            read.PriceFen = price;
            read.SubsidyFen = subsidy;
            read.Extensions = extensions;
            if (Check(read) != null)
            {
                return -1;
            }

            values.CopyFrom(read);
            return at + 4;
        }

        /// <summary>The first rule the values break, in English for logs and the gateway's error; null when none.</summary>
        public static string Check(ConfigValues values)
        {
            if (values.Version == 0 || values.Version > MaxVersion)
            {
                return "config version must be 1 to 16777215";
            }

            if (values.UtcOffsetMinutes < -720 || values.UtcOffsetMinutes > 840)
            {
                return "UTC offset must be within -12:00..+14:00";
            }

            if (values.StorageWarningPercent < 50 || values.StorageWarningPercent > 99)
            {
                return "storage warning must be 50..99 percent";
            }

            if (values.DebounceMilliseconds < 500 || values.DebounceMilliseconds > 10000)
            {
                return "debounce must be 500..10000 ms";
            }

            if (values.ClocklessGapMinutes < MinClocklessGapMinutes || values.ClocklessGapMinutes > MaxClocklessGapMinutes)
            {
                return "clockless meal gap must be 60..1440 minutes";
            }

            string problem = TerminalConfig.CheckPeriods(values.Periods);
            if (problem != null)
            {
                return problem;
            }

            problem = values.Extensions == null ? null : ConfigExtensions.Check(values.Extensions);
            if (problem != null)
            {
                return problem;
            }

            for (int i = 0; i < values.Periods.Length; i++)
            {
                int bytes = Encoding.UTF8.GetBytes(values.Periods[i].Name).Length;
                if (bytes < 1 || bytes > MaxNameBytes)
                {
                    return "meal period name must be 1 to " + MaxNameBytes + " bytes of UTF-8";
                }

                if (!PortableText.IsPortable(values.Periods[i].Name))
                {
                    return "meal period name must not hold control characters, a byte-order mark or characters outside the Basic Multilingual Plane";
                }
            }

            if ((values.PriceFen == null) != (values.SubsidyFen == null))
            {
                return "prices and subsidies go together";
            }

            if (values.PriceFen != null)
            {
                int count = values.Periods.Length * ElderCategory.Count;
                if (values.PriceFen.Length != count || values.SubsidyFen.Length != count)
                {
                    return "prices need one entry per period and category";
                }

                for (int i = 0; i < count; i++)
                {
                    if (values.PriceFen[i] < 0 || values.PriceFen[i] > 65535 || values.SubsidyFen[i] < 0 || values.SubsidyFen[i] > values.PriceFen[i])
                    {
                        return "price must be 0..655.35 yuan and the subsidy at most the price";
                    }
                }
            }

            return null;
        }
    }

    /// <summary>The settings a configuration image carries; identity (site, terminal) stays with provisioning.</summary>
    public sealed class ConfigValues
    {
        public uint Version;
        public int UtcOffsetMinutes = 8 * 60;
        public int StorageWarningPercent = 80;
        public int DebounceMilliseconds = 3000;
        public int ClocklessGapMinutes = TerminalConfig.DefaultClocklessGapMinutes;
        public MealPeriod[] Periods;

        /// <summary>Per period and category (period * 11 + category), in fen; null when the terminal shows no amounts.</summary>
        public int[] PriceFen;
        public int[] SubsidyFen;

        /// <summary>The extension section (ConfigExtensions), or null for none; a format-3 image carries it.</summary>
        public byte[] Extensions;

        public void CopyFrom(ConfigValues other)
        {
            Version = other.Version;
            UtcOffsetMinutes = other.UtcOffsetMinutes;
            StorageWarningPercent = other.StorageWarningPercent;
            DebounceMilliseconds = other.DebounceMilliseconds;
            ClocklessGapMinutes = other.ClocklessGapMinutes;
            Periods = other.Periods;
            PriceFen = other.PriceFen;
            SubsidyFen = other.SubsidyFen;
            Extensions = other.Extensions;
        }
    }
}
