using System;
using MealTerminal.Core.Flash;

namespace MealTerminal.Drivers.Provisioning
{
    /// <summary>
    /// The serial provisioning console's line protocol (docs/firmware.md), independent of the port it
    /// runs on. Commands: SET key value, SHOW (secrets masked), SAVE, SELFTEST. Each answer starts
    /// with OK or ERR so a host tool can script it. SET checks the entry with the boot parser's rules;
    /// SAVE writes the flash's last sector only when the whole record parses, so a bad session never
    /// leaves a terminal that cannot boot. Starts from the record already on the chip, if any.
    /// </summary>
    public sealed class ProvisioningConsole
    {
        private const string Mask = "******";
        private static readonly string[] Secrets = { "wifi.password", "mqtt.password" };
        private readonly IFlash chip;
        private readonly IConsoleSelfTest selfTest;
        private string[] keys = new string[0];
        private string[] values = new string[0];

        public ProvisioningConsole(IFlash chip, IConsoleSelfTest selfTest)
        {
            this.chip = chip;
            this.selfTest = selfTest;
            string ignored;
            ProvisioningRecord current = ProvisioningRecord.TryParse(ReadSector(), out ignored);
            if (current != null)
            {
                string[] present = current.Keys();
                for (int i = 0; i < present.Length; i++)
                {
                    Put(present[i], current.Get(present[i], string.Empty));
                }
            }
        }

        /// <summary>Runs one command line and returns the answer (one or more lines).</summary>
        public string Execute(string line)
        {
            if (line == null)
            {
                return "ERR 空命令";
            }

            if (line.Length > 4 && line.Substring(0, 4) == "SET ")
            {
                return Set(line.Substring(4));
            }

            if (line == "SHOW")
            {
                return Show();
            }

            if (line == "SAVE")
            {
                return Save();
            }

            if (line == "SELFTEST")
            {
                return "OK " + selfTest.Run();
            }

            return "ERR 未知命令 (SET key value | SHOW | SAVE | SELFTEST)";
        }

        private string Set(string rest)
        {
            int space = rest.IndexOf(' ');
            if (space <= 0)
            {
                return "ERR 用法: SET key value";
            }

            string key = rest.Substring(0, space);
            string value = rest.Substring(space + 1);
            string error = ProvisioningRecord.CheckEntry(key, value);
            if (error != null)
            {
                return "ERR " + error;
            }

            Put(key, value);
            return "OK " + key;
        }

        private string Show()
        {
            string text = "OK";
            for (int i = 0; i < keys.Length; i++)
            {
                text += "\n" + keys[i] + "=" + (IsSecret(keys[i]) ? Mask : values[i]);
            }

            return text;
        }

        private string Save()
        {
            string text = string.Empty;
            for (int i = 0; i < keys.Length; i++)
            {
                text += keys[i] + "=" + values[i] + "\n";
            }

            byte[] sector = ProvisioningRecord.Encode(text, chip.SectorSize);
            string error;
            if (ProvisioningRecord.TryParse(sector, out error) == null)
            {
                return "ERR " + error;
            }

            int last = chip.SectorCount - 1;
            chip.EraseSector(last);
            for (int page = 0; page < chip.SectorSize; page += chip.PageSize)
            {
                chip.Program(last * chip.SectorSize + page, sector, page, chip.PageSize);
            }

            return "OK 已保存";
        }

        private void Put(string key, string value)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i] == key)
                {
                    values[i] = value;
                    return;
                }
            }

            string[] moreKeys = new string[keys.Length + 1];
            string[] moreValues = new string[keys.Length + 1];
            Array.Copy(keys, moreKeys, keys.Length);
            Array.Copy(values, moreValues, values.Length);
            moreKeys[keys.Length] = key;
            moreValues[keys.Length] = value;
            keys = moreKeys;
            values = moreValues;
        }

        private static bool IsSecret(string key)
        {
            for (int i = 0; i < Secrets.Length; i++)
            {
                if (Secrets[i] == key)
                {
                    return true;
                }
            }

            return false;
        }

        private byte[] ReadSector()
        {
            byte[] sector = new byte[chip.SectorSize];
            chip.Read((chip.SectorCount - 1) * chip.SectorSize, sector, 0, sector.Length);
            return sector;
        }
    }
}
