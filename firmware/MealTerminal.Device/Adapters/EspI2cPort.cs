using System;
using System.Device.I2c;
using MealTerminal.Drivers.Rtc;

namespace MealTerminal.Device.Adapters
{
    /// <summary>The DS3231 driver's I2C port over nanoFramework's I2cDevice.</summary>
    public sealed class EspI2cPort : II2cPort
    {
        private readonly I2cDevice device;

        public EspI2cPort(I2cDevice device)
        {
            this.device = device;
        }

        public bool WriteRead(byte[] write, int writeCount, byte[] read, int readCount)
        {
            I2cTransferResult result = readCount == 0
                ? device.Write(new SpanByte(write, 0, writeCount))
                : device.WriteRead(new SpanByte(write, 0, writeCount), new SpanByte(read, 0, readCount));
            return result.Status == I2cTransferStatus.FullTransfer;
        }
    }
}
