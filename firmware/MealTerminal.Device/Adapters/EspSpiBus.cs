using System;
using System.Device.Spi;
using MealTerminal.Drivers.NorFlash;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The NOR driver's SPI port over nanoFramework's SpiDevice. One call is one chip-select-framed
    /// transaction: command and data go out in a single Write, or a single full-duplex transfer for
    /// reads, using buffers sized once for a page plus the longest command.
    /// </summary>
    public sealed class EspSpiBus : ISpiBus
    {
        private const int MaxCommand = 8;
        private readonly SpiDevice device;
        private readonly byte[] outBuffer;
        private readonly byte[] inBuffer;

        public EspSpiBus(SpiDevice device, int maxData)
        {
            this.device = device;
            outBuffer = new byte[MaxCommand + maxData];
            inBuffer = new byte[MaxCommand + maxData];
        }

        public void Write(byte[] command, int commandCount, byte[] data, int offset, int count)
        {
            int total = Stage(command, commandCount, count);
            Array.Copy(data, offset, outBuffer, commandCount, count);
            device.Write(new SpanByte(outBuffer, 0, total));
        }

        public void Read(byte[] command, int commandCount, byte[] data, int offset, int count)
        {
            int total = Stage(command, commandCount, count);
            for (int i = commandCount; i < total; i++)
            {
                outBuffer[i] = 0xFF;
            }

            device.TransferFullDuplex(new SpanByte(outBuffer, 0, total), new SpanByte(inBuffer, 0, total));
            Array.Copy(inBuffer, commandCount, data, offset, count);
        }

        private int Stage(byte[] command, int commandCount, int count)
        {
            if (commandCount > MaxCommand || commandCount + count > outBuffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            Array.Copy(command, 0, outBuffer, 0, commandCount);
            return commandCount + count;
        }
    }

    /// <summary>Delays for the NOR driver: sleeps whole milliseconds, spins briefly below that.</summary>
    public sealed class ThreadDelay : IDelay
    {
        public void WaitMicroseconds(int microseconds)
        {
            System.Threading.Thread.Sleep(microseconds >= 1000 ? microseconds / 1000 : 1);
        }
    }
}
