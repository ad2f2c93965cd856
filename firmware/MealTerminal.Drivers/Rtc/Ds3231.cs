using System;

namespace MealTerminal.Drivers.Rtc
{
    /// <summary>
    /// The DS3231 real-time clock, kept in UTC, 24-hour mode. References are to the Maxim DS3231
    /// datasheet (19-5170): "Figure 1. Timekeeping Registers", "Control Register (0Eh)" and
    /// "Status Register (0Fh)".
    /// </summary>
    public sealed class Ds3231
    {
        private const byte SecondsRegister = 0x00;  // 00h..06h: seconds, minutes, hours, day, date, month/century, year (BCD)
        private const byte StatusRegister = 0x0F;
        private const int OscillatorStopFlag = 0x80; // 0Fh bit 7 OSF: oscillator is or was stopped; time invalid
        private const int Hour12Mode = 0x40;         // 02h bit 6: 1 = 12-hour mode (bit 5 then means PM)
        private const int CenturyBit = 0x80;         // 05h bit 7: century, toggles when years roll 99 -> 00

        private readonly II2cPort _port;
        private readonly byte[] _write = new byte[8];
        private readonly byte[] _read = new byte[7];

        public Ds3231(II2cPort port)
        {
            _port = port;
        }

        public RtcReadResult ReadUtc(out DateTime utc)
        {
            utc = DateTime.MinValue;
            _write[0] = StatusRegister;
            if (!_port.WriteRead(_write, 1, _read, 1))
            {
                return RtcReadResult.BusError;
            }

            if ((_read[0] & OscillatorStopFlag) != 0)
            {
                return RtcReadResult.OscillatorStopped;
            }

            _write[0] = SecondsRegister;
            if (!_port.WriteRead(_write, 1, _read, 7))
            {
                return RtcReadResult.BusError;
            }

            int second = FromBcd(_read[0] & 0x7F);
            int minute = FromBcd(_read[1] & 0x7F);
            int hour = ReadHour(_read[2]);
            int day = FromBcd(_read[4] & 0x3F);
            int month = FromBcd(_read[5] & 0x1F);
            int year = FromBcd(_read[6]);
            if (second < 0 || second > 59 || minute < 0 || minute > 59 || hour < 0 || hour > 23
                || month < 1 || month > 12 || year < 0 || day < 1)
            {
                return RtcReadResult.Invalid;
            }

            year += (_read[5] & CenturyBit) != 0 ? 2100 : 2000;
            if (day > DaysInMonth(year, month))
            {
                return RtcReadResult.Invalid;
            }

            utc = new DateTime(year, month, day, hour, minute, second);
            return RtcReadResult.Valid;
        }

        /// <summary>Sets the clock (2000..2199) and clears OSF so the time reads as valid again. False on a bus error.</summary>
        public bool SetUtc(DateTime utc)
        {
            if (utc.Year < 2000 || utc.Year > 2199)
            {
                throw new ArgumentOutOfRangeException("utc");
            }

            _write[0] = SecondsRegister;
            _write[1] = ToBcd(utc.Second);
            _write[2] = ToBcd(utc.Minute);
            _write[3] = ToBcd(utc.Hour);                  // bit 6 clear: 24-hour mode
            _write[4] = (byte)((int)utc.DayOfWeek + 1);   // 1..7, user-defined sequence; Sunday = 1 here
            _write[5] = ToBcd(utc.Day);
            _write[6] = (byte)(ToBcd(utc.Month) | (utc.Year >= 2100 ? CenturyBit : 0));
            _write[7] = ToBcd(utc.Year % 100);
            if (!_port.WriteRead(_write, 8, _read, 0))
            {
                return false;
            }

            _write[0] = StatusRegister;
            if (!_port.WriteRead(_write, 1, _read, 1))
            {
                return false;
            }

            // OSF "remains at logic 1 until written to logic 0"; keep the other status bits as they were.
            _write[1] = (byte)(_read[0] & ~OscillatorStopFlag);
            return _port.WriteRead(_write, 2, _read, 0);
        }

        private static int ReadHour(int register)
        {
            if ((register & Hour12Mode) == 0)
            {
                return FromBcd(register & 0x3F);
            }

            int hour = FromBcd(register & 0x1F);
            if (hour < 1 || hour > 12)
            {
                return -1;
            }

            bool pm = (register & 0x20) != 0;
            return (hour % 12) + (pm ? 12 : 0);
        }

        /// <summary>Days in a month, written out: DateTime.DaysInMonth is not certain to exist on nanoFramework.</summary>
        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        /// <summary>Two BCD digits to a number, or -1 when a digit is above 9.</summary>
        private static int FromBcd(int value)
        {
            int tens = value >> 4;
            int units = value & 0x0F;
            return tens > 9 || units > 9 ? -1 : (tens * 10) + units;
        }

        private static byte ToBcd(int value)
        {
            return (byte)(((value / 10) << 4) | (value % 10));
        }
    }
}
