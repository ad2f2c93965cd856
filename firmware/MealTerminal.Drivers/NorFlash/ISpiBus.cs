namespace MealTerminal.Drivers.NorFlash
{
    /// <summary>
    /// One SPI device (its own chip select) on a shared bus. Each call is one transaction: chip
    /// select goes low, the command bytes go out, then the data phase, then chip select goes high.
    /// SPI NOR commands are framed by chip select (W25Q32JV datasheet §8.1 "Device operation":
    /// an instruction starts on /CS falling and completes on /CS rising), so the framing lives here.
    /// </summary>
    public interface ISpiBus
    {
        /// <summary>Sends command[0..commandCount) then data[offset..offset+count).</summary>
        void Write(byte[] command, int commandCount, byte[] data, int offset, int count);

        /// <summary>Sends command[0..commandCount) then clocks count bytes into data[offset..).</summary>
        void Read(byte[] command, int commandCount, byte[] data, int offset, int count);
    }

    /// <summary>Waits on the device; on the host a fake that advances simulated time, so tests never sleep.</summary>
    public interface IDelay
    {
        void WaitMicroseconds(int microseconds);
    }
}
