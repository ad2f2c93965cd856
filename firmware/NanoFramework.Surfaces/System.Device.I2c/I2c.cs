// Reference surface of NuGet package nanoFramework.System.Device.I2c 1.1.29 (assembly System.Device.I2c), read from
// nanoframework/System.Device.I2c at tag v1.1.29. Declaration-only.
// Unlike .NET IoT, writes and reads return an I2cTransferResult instead of throwing on a NACK.
namespace System.Device.I2c
{
    public enum I2cBusSpeed { StandardMode = 0, FastMode = 1, FastModePlus = 2 }

    public enum I2cTransferStatus
    {
        UnknownError = 0, FullTransfer = 1, ClockStretchTimeout = 2, PartialTransfer = 3, SlaveAddressNotAcknowledged = 4,
    }

    public struct I2cTransferResult
    {
        public I2cTransferStatus Status => throw null;
        public uint BytesTransferred => throw null;
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { }
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) { }
        public int BusId => throw null;
        public int DeviceAddress => throw null;
        public I2cBusSpeed BusSpeed => throw null;
    }

    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { }
        public static I2cDevice Create(I2cConnectionSettings settings) => throw null;
        public I2cConnectionSettings ConnectionSettings => throw null;
        public byte ReadByte() => throw null;
        public I2cTransferResult Read(SpanByte buffer) => throw null;
        public I2cTransferResult WriteByte(byte value) => throw null;
        public I2cTransferResult Write(SpanByte buffer) => throw null;
        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) => throw null;
        public void Dispose() { }
    }
}
