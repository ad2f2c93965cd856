using System;
using MealTerminal.Core.Integrity;

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

            string text = System.Text.Encoding.UTF8.GetString(sector, HeaderSize, length);
            int lineCount = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lineCount++;
                }
            }

            string[] keys = new string[lineCount + 1];
            string[] values = new string[lineCount + 1];
            int count = 0;
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                string line = text.Substring(start, end - start).Trim();
                start = end + 1;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    error = "provisioning line without '=': " + line;
                    return null;
                }

                keys[count] = line.Substring(0, eq).Trim();
                values[count] = line.Substring(eq + 1).Trim();
                count++;
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

        private static string[] Shrink(string[] items, int count)
        {
            string[] result = new string[count];
            Array.Copy(items, result, count);
            return result;
        }
    }
}
