using System;
using MealTerminal.Core.Flash;

namespace MealTerminal.Drivers.NorFlash
{
    /// <summary>
    /// IFlash over a Winbond W25Q32JV / W25Q128JV on SPI. Every program and erase is: wait until not
    /// busy, Write Enable, check WEL latched, command, poll BUSY up to the datasheet maximum, check
    /// WEL cleared. A chip that ignored a command (busy, write-protected, noise on the bus) leaves
    /// WEL in a state that gives it away, so nothing fails silently: see FlashFaultException.
    /// </summary>
    public sealed class W25qFlash : IFlash
    {
        private const int ProgramPollMicroseconds = 50;
        private const int ErasePollMicroseconds = 1000;

        private readonly ISpiBus _bus;
        private readonly IDelay _delay;
        private readonly byte[] _command = new byte[4];
        private readonly byte[] _status = new byte[1];
        private readonly int _sectorCount;

        private W25qFlash(ISpiBus bus, IDelay delay, int sectorCount)
        {
            _bus = bus;
            _delay = delay;
            _sectorCount = sectorCount;
        }

        public int PageSize { get { return W25qCommands.PageSize; } }

        public int SectorSize { get { return W25qCommands.SectorSize; } }

        public int SectorCount { get { return _sectorCount; } }

        /// <summary>
        /// Wakes the chip (it may have been left in power-down), reads its JEDEC ID and refuses
        /// anything but a Winbond W25Q32 or W25Q128.
        /// </summary>
        public static W25qFlash Open(ISpiBus bus, IDelay delay)
        {
            byte[] command = new byte[1];
            command[0] = W25qCommands.ReleasePowerDown;
            bus.Write(command, 1, command, 0, 0);
            delay.WaitMicroseconds(W25qCommands.ReleasePowerDownMicroseconds);

            byte[] id = new byte[3];
            command[0] = W25qCommands.JedecId;
            bus.Read(command, 1, id, 0, 3);
            if (id[0] != W25qCommands.ManufacturerWinbond)
            {
                throw new FlashFaultException("flash: JEDEC manufacturer 0x" + Hex(id[0]) + " is not Winbond 0xEF (chip missing or wrong part)");
            }

            int bytes;
            if (id[2] == W25qCommands.Capacity32Mbit)
            {
                bytes = 4 * 1024 * 1024;
            }
            else if (id[2] == W25qCommands.Capacity128Mbit)
            {
                bytes = 16 * 1024 * 1024;
            }
            else
            {
                throw new FlashFaultException("flash: JEDEC capacity 0x" + Hex(id[2]) + " is neither W25Q32 (0x16) nor W25Q128 (0x18)");
            }

            return new W25qFlash(bus, delay, bytes / W25qCommands.SectorSize);
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            WaitReady(W25qCommands.SectorEraseMaxMicroseconds, ErasePollMicroseconds, "read");
            SetCommand(W25qCommands.ReadData, address);
            _bus.Read(_command, 4, buffer, offset, count);
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            CheckRange(address, count);
            if (count == 0)
            {
                return;
            }

            if ((address / W25qCommands.PageSize) != ((address + count - 1) / W25qCommands.PageSize))
            {
                // The chip would wrap to the start of the page (§8.2.13) and corrupt it.
                throw new ArgumentException("flash: program crosses a page boundary");
            }

            BeginWrite("program");
            SetCommand(W25qCommands.PageProgram, address);
            _bus.Write(_command, 4, data, offset, count);
            EndWrite(W25qCommands.PageProgramMaxMicroseconds, ProgramPollMicroseconds, "program");
        }

        public void EraseSector(int sector)
        {
            if (sector < 0 || sector >= _sectorCount)
            {
                throw new ArgumentOutOfRangeException("sector");
            }

            BeginWrite("erase");
            SetCommand(W25qCommands.SectorErase, sector * W25qCommands.SectorSize);
            _bus.Write(_command, 4, _command, 0, 0);
            EndWrite(W25qCommands.SectorEraseMaxMicroseconds, ErasePollMicroseconds, "erase");
        }

        private void BeginWrite(string operation)
        {
            WaitReady(W25qCommands.SectorEraseMaxMicroseconds, ErasePollMicroseconds, operation);
            _command[0] = W25qCommands.WriteEnable;
            _bus.Write(_command, 1, _command, 0, 0);
            if ((ReadStatus() & W25qCommands.StatusWriteEnableLatch) == 0)
            {
                throw new FlashFaultException("flash: write enable did not latch before " + operation + " (write-protected or not answering)");
            }
        }

        private void EndWrite(int maxMicroseconds, int pollMicroseconds, string operation)
        {
            WaitReady(maxMicroseconds, pollMicroseconds, operation);

            // §7.1.2: WEL clears when a program or erase completes; still set means it never ran.
            if ((ReadStatus() & W25qCommands.StatusWriteEnableLatch) != 0)
            {
                throw new FlashFaultException("flash: chip ignored the " + operation + " command (WEL still set)");
            }
        }

        private void WaitReady(int maxMicroseconds, int pollMicroseconds, string operation)
        {
            int waited = 0;
            while ((ReadStatus() & W25qCommands.StatusBusy) != 0)
            {
                if (waited >= maxMicroseconds)
                {
                    throw new FlashFaultException("flash: still busy after " + (maxMicroseconds / 1000).ToString() + " ms (" + operation + ")");
                }

                _delay.WaitMicroseconds(pollMicroseconds);
                waited += pollMicroseconds;
            }
        }

        private int ReadStatus()
        {
            _command[0] = W25qCommands.ReadStatus1;
            _bus.Read(_command, 1, _status, 0, 1);
            return _status[0];
        }

        private void SetCommand(byte instruction, int address)
        {
            _command[0] = instruction;
            _command[1] = (byte)(address >> 16);
            _command[2] = (byte)(address >> 8);
            _command[3] = (byte)address;
        }

        /// <summary>Two hex digits without format strings, whose support differs on nanoFramework.</summary>
        private static string Hex(byte value)
        {
            const string Digits = "0123456789ABCDEF";
            return new string(new char[] { Digits[value >> 4], Digits[value & 0x0F] });
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address + count > _sectorCount * W25qCommands.SectorSize)
            {
                throw new ArgumentOutOfRangeException("address");
            }
        }
    }
}
