using System;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Text;

namespace MealTerminal.Drivers.Provisioning
{
    /// <summary>
    /// Site, terminal, Wi-Fi and MQTT credentials, kept in the NOR chip's last sector so a terminal
    /// is provisioned (over USB serial, or by writing the sector with a programmer) without
    /// rebuilding the firmware. Layout (docs/firmware.md): u32 magic "CFG1", u16 text length n,
    /// u32 CRC-32 of the text, then n bytes of UTF-8 "key=value" lines.
    /// </summary>
    public sealed class ProvisioningRecord
    {
        public const uint Magic = 0x31474643; // "CFG1"
        public const int HeaderSize = 10;

        private static readonly string[] Required = { "site", "terminal", "wifi.ssid", "mqtt.host", "mqtt.password" };

        private readonly string[] keys;
        private readonly string[] values;

        private ProvisioningRecord(string[] keys, string[] values)
        {
            this.keys = keys;
            this.values = values;
        }

        /// <summary>The keys present, in record order (a copy).</summary>
        public string[] Keys()
        {
            return Shrink(keys, keys.Length);
        }

        /// <summary>Value of a key, or the fallback when absent.</summary>
        public string Get(string key, string fallback)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] == key)
                {
                    return values[i];
                }
            }

            return fallback;
        }

        /// <summary>
        /// Parses a record; returns null and a reason (for the display and the serial console) when
        /// the sector is blank, damaged or lacks a required key.
        /// </summary>
        public static ProvisioningRecord TryParse(byte[] sector, out string error)
        {
            error = null;
            if (sector.Length < HeaderSize || LittleEndian.ReadUInt32(sector, 0) != Magic)
            {
                error = "not provisioned";
                return null;
            }

            int length = LittleEndian.ReadUInt16(sector, 4);
            if (HeaderSize + length > sector.Length || Crc32.Compute(sector, HeaderSize, length) != LittleEndian.ReadUInt32(sector, 6))
            {
                error = "provisioning record damaged (CRC)";
                return null;
            }

            int start = HeaderSize;
            int end = HeaderSize + length;
            if (length >= 3 && sector[start] == 0xEF && sector[start + 1] == 0xBB && sector[start + 2] == 0xBF)
            {
                start += 3; // a byte-order mark some editors write: stripped here, not by Trim()
            }

            int lineCount = 1;
            for (int i = start; i < end; i++)
            {
                if (sector[i] == 0)
                {
                    error = "provisioning text contains a NUL byte";
                    return null;
                }

                lineCount += sector[i] == '\n' ? 1 : 0;
            }

            string[] keys = new string[lineCount];
            string[] values = new string[lineCount];
            int count = 0;
            while (start < end)
            {
                int lineEnd = start;
                while (lineEnd < end && sector[lineEnd] != '\n')
                {
                    lineEnd++;
                }

                error = ParseLine(sector, start, lineEnd, keys, values, ref count);
                if (error != null)
                {
                    return null;
                }

                start = lineEnd + 1;
            }

            ProvisioningRecord record = new ProvisioningRecord(Shrink(keys, count), Shrink(values, count));
            for (int i = 0; i < Required.Length; i++)
            {
                if (record.Get(Required[i], null) == null)
                {
                    error = "provisioning lacks " + Required[i];
                    return null;
                }
            }

            return record;
        }

        /// <summary>Builds the sector image for a provisioning text (host tools and tests).</summary>
        public static byte[] Encode(string text, int sectorSize)
        {
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
            if (HeaderSize + utf8.Length > sectorSize || utf8.Length > 0xFFFF)
            {
                throw new ArgumentException("provisioning text too long");
            }

            byte[] sector = new byte[sectorSize];
            for (int i = 0; i < sector.Length; i++)
            {
                sector[i] = 0xFF;
            }

            LittleEndian.WriteUInt32(sector, 0, Magic);
            LittleEndian.WriteUInt16(sector, 4, utf8.Length);
            LittleEndian.WriteUInt32(sector, 6, Crc32.Compute(utf8, 0, utf8.Length));
            Array.Copy(utf8, 0, sector, HeaderSize, utf8.Length);
            return sector;
        }

        /// <summary>
        /// Null when "key=value" would be accepted as one line of a record, else the reason (the serial
        /// console checks each SET with the same rules the boot parser applies).
        /// </summary>
        public static string CheckEntry(string key, string value)
        {
            byte[] line = System.Text.Encoding.UTF8.GetBytes(key + "=" + value);
            string[] keys = new string[1];
            string[] values = new string[1];
            int count = 0;
            string error = ParseLine(line, 0, line.Length, keys, values, ref count);
            if (error == null && (count != 1 || keys[0] != key || values[0] != value))
            {
                error = "provisioning value must not start or end with spaces or tabs";
            }

            return error;
        }

        /// <summary>
        /// One "key = value" line: spaces, tabs and a CR before the LF are trimmed, nothing else. Keys are
        /// lowercase ASCII letters, digits and dots; values printable ASCII, but for wifi.ssid, which
        /// may be any portable UTF-8 (PortableText). Null, or the reason the line is refused.
        /// </summary>
        private static string ParseLine(byte[] bytes, int start, int end, string[] keys, string[] values, ref int count)
        {
            if (end > start && bytes[end - 1] == '\r')
            {
                end--;
            }

            Trim(bytes, ref start, ref end);
            if (start == end || bytes[start] == '#')
            {
                return null;
            }

            int eq = start;
            while (eq < end && bytes[eq] != '=')
            {
                eq++;
            }

            int keyEnd = eq;
            Trim(bytes, ref start, ref keyEnd);
            if (eq == end || keyEnd == start)
            {
                return "provisioning line without 'key=': line " + (count + 1);
            }

            for (int i = start; i < keyEnd; i++)
            {
                byte b = bytes[i];
                if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '.'))
                {
                    return "provisioning key not in lowercase ASCII letters, digits and dots: line " + (count + 1);
                }
            }

            string key = System.Text.Encoding.UTF8.GetString(bytes, start, keyEnd - start);
            int valueStart = eq + 1;
            Trim(bytes, ref valueStart, ref end);
            bool utf8 = key == "wifi.ssid";
            if (utf8 ? !PortableText.IsPortableUtf8(bytes, valueStart, end - valueStart) : !PortableText.IsPrintableAscii(bytes, valueStart, end - valueStart))
            {
                return utf8 ? "provisioning wifi.ssid is not well-formed UTF-8 without control characters" : "provisioning " + key + " must be printable ASCII";
            }

            keys[count] = key;
            values[count] = end > valueStart ? System.Text.Encoding.UTF8.GetString(bytes, valueStart, end - valueStart) : string.Empty;
            count++;
            return null;
        }

        private static void Trim(byte[] bytes, ref int start, ref int end)
        {
            while (start < end && PortableText.IsBlank(bytes[start]))
            {
                start++;
            }

            while (end > start && PortableText.IsBlank(bytes[end - 1]))
            {
                end--;
            }
        }

        private static string[] Shrink(string[] items, int count)
        {
            string[] result = new string[count];
            Array.Copy(items, result, count);
            return result;
        }
    }
}
