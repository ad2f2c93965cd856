using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Drivers.Tests.Rtc;

/// <summary>The DS3231's register file behind I2C: a write sets the register pointer, then bytes auto-increment.</summary>
public sealed class FakeDs3231 : II2cPort
{
    public byte[] Registers { get; } = new byte[0x13];
    public bool Absent { get; set; }

    /// <summary>A fresh chip: OSF set at first power-up (datasheet, Status Register 0Fh).</summary>
    public FakeDs3231() => Registers[0x0F] = 0x88;

    public bool WriteRead(byte[] write, int writeCount, byte[] read, int readCount)
    {
        if (Absent)
        {
            return false;
        }

        int pointer = write[0];
        for (int i = 1; i < writeCount; i++)
        {
            Registers[pointer++ % Registers.Length] = write[i];
        }

        for (int i = 0; i < readCount; i++)
        {
            read[i] = Registers[pointer++ % Registers.Length];
        }

        return true;
    }
}
