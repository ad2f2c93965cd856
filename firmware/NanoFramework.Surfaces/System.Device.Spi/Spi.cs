// Reference surface of NuGet package nanoFramework.System.Device.Spi 1.3.82 (assembly System.Device.Spi), read from
// nanoframework/System.Device.Spi at tag v1.3.82. Bus configuration and bus info are left out. Declaration-only.
// Transfers take System.SpanByte (nanoFramework 1.x has no Span<byte>); byte[] converts implicitly.
using System.Device.Gpio;

namespace System.Device.Spi
{
    public enum SpiMode { Mode0 = 0, Mode1 = 1, Mode2 = 2, Mode3 = 3 }
    public enum DataFlow { MsbFirst = 0, LsbFirst = 1 }
    public enum SpiSharingMode { Exclusive = 0, Shared = 1 }

    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine = -1) { }
        public int BusId { get => throw null; set { } }
        public int ChipSelectLine { get => throw null; set { } }
        public SpiMode Mode { get => throw null; set { } }
        public int DataBitLength { get => throw null; set { } }
        public int ClockFrequency { get => throw null; set { } }
        public DataFlow DataFlow { get => throw null; set { } }
        public PinValue ChipSelectLineActiveState { get => throw null; set { } }
    }

    public class SpiDevice : IDisposable
    {
        public SpiDevice(SpiConnectionSettings settings) { }
        public static SpiDevice Create(SpiConnectionSettings settings) => throw null;
        public SpiConnectionSettings ConnectionSettings => throw null;
        public byte ReadByte() => throw null;
        public void Read(SpanByte buffer) { }
        public void WriteByte(byte value) { }
        public void Write(SpanByte buffer) { }
        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer) { }
        public void Read(ushort[] buffer) { }
        public void Write(ushort[] buffer) { }
        public void TransferFullDuplex(ushort[] writeBuffer, ushort[] readBuffer) { }
        public void Dispose() { }
    }
}
