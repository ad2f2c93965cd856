using MealTerminal.Drivers.NorFlash;

namespace MealTerminal.Drivers.Tests.NorFlash;

/// <summary>
/// A W25Q chip on the SPI bus, honest about what makes NOR hard: programs only clear bits and wrap
/// inside their page (§8.2.13), need Write Enable first, take time during which BUSY is set and every
/// command but Read Status is ignored, and clear WEL when they complete (§7.1.2). Fault knobs let a
/// test make it write-protected, drop a command, go busy unexpectedly or run slower than the datasheet.
/// </summary>
public sealed class FakeW25qChip : ISpiBus
{
    private readonly FakeTime _time;
    private long _busyUntil;
    private bool _welClearsWhenDone;
    private bool _writeEnableLatch;

    public FakeW25qChip(FakeTime time, byte capacityCode = 0x16)
    {
        _time = time;
        JedecId = new byte[] { 0xEF, 0x40, capacityCode };
        Memory = new byte[capacityCode == 0x18 ? 16 * 1024 * 1024 : 4 * 1024 * 1024];
        Array.Fill(Memory, (byte)0xFF);
    }

    public byte[] Memory { get; }
    public byte[] JedecId { get; }
    public bool PoweredDown { get; set; }
    public bool WriteProtected { get; set; }
    public int ProgramMicroseconds { get; set; } = 400;      // tPP typical
    public int EraseMicroseconds { get; set; } = 45000;      // tSE typical
    public int GoBusyAfterWriteEnableMicroseconds { get; set; }
    /// <summary>The next command with this opcode is lost on the bus (noise, a loose wire).</summary>
    public byte? DropNextOpcode { get; set; }
    public int ProgramsDone { get; private set; }
    public int ErasesDone { get; private set; }

    public bool Busy => _time.NowMicroseconds < _busyUntil;

    public bool WriteEnableLatch
    {
        get
        {
            if (!Busy && _welClearsWhenDone)
            {
                _welClearsWhenDone = false;
                _writeEnableLatch = false;
            }

            return _writeEnableLatch;
        }
    }

    public void Write(byte[] command, int commandCount, byte[] data, int offset, int count)
    {
        byte op = command[0];
        if (PoweredDown)
        {
            PoweredDown = op != W25q.ReleasePowerDown;
            return;
        }

        if (Busy)
        {
            return;
        }

        if (DropNextOpcode == op)
        {
            DropNextOpcode = null;
            return;
        }

        if (op == W25q.WriteEnable && !WriteProtected)
        {
            _ = WriteEnableLatch;
            _writeEnableLatch = true;
            if (GoBusyAfterWriteEnableMicroseconds > 0)
            {
                _busyUntil = _time.NowMicroseconds + GoBusyAfterWriteEnableMicroseconds;
            }
        }
        else if (op == W25q.PageProgram && WriteEnableLatch)
        {
            int address = Address(command);
            int pageStart = address & ~0xFF;
            for (int i = 0; i < count; i++)
            {
                int a = pageStart + ((address + i - pageStart) & 0xFF); // wraps inside the page
                Memory[a] &= data[offset + i];
            }

            StartOperation(ProgramMicroseconds);
            ProgramsDone++;
        }
        else if (op == W25q.SectorErase && WriteEnableLatch)
        {
            Array.Fill(Memory, (byte)0xFF, Address(command) & ~0xFFF, 4096);
            StartOperation(EraseMicroseconds);
            ErasesDone++;
        }
    }

    public void Read(byte[] command, int commandCount, byte[] data, int offset, int count)
    {
        byte op = command[0];
        if (PoweredDown)
        {
            Array.Fill(data, (byte)0xFF, offset, count); // MISO floats high in power-down
            return;
        }

        for (int i = 0; i < count; i++)
        {
            data[offset + i] = op switch
            {
                W25q.ReadStatus1 => (byte)((Busy ? 1 : 0) | (WriteEnableLatch ? 2 : 0)),
                W25q.JedecId when !Busy => i < 3 ? JedecId[i] : (byte)0xFF,
                W25q.ReadData when !Busy => Memory[(Address(command) + i) % Memory.Length],
                _ => (byte)0xFF,
            };
        }
    }

    private void StartOperation(int microseconds)
    {
        _busyUntil = _time.NowMicroseconds + microseconds;
        _welClearsWhenDone = true;
    }

    private static int Address(byte[] command) => (command[1] << 16) | (command[2] << 8) | command[3];

    /// <summary>Instruction codes, written out again so the fake does not trust the driver's table.</summary>
    private static class W25q
    {
        public const byte WriteEnable = 0x06, ReadStatus1 = 0x05, ReadData = 0x03, PageProgram = 0x02;
        public const byte SectorErase = 0x20, ReleasePowerDown = 0xAB, JedecId = 0x9F;
    }
}
