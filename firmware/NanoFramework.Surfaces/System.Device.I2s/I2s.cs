// Reference surface of NuGet package nanoFramework.System.Device.I2s 1.0.28 (assembly System.Device.I2s),
// read from nanoframework/System.Device.I2s at tag v1.0.28 (the tag whose nuspec names CoreLibrary 1.17.11):
// I2sDevice.cs, I2sConnectionSettings.cs, I2sMode.cs, I2sBitsPerSample.cs, I2sChannelFormat.cs,
// I2sCommunicationFormat.cs. Every public member and enum value of that tag, declaration-only.
namespace System.Device.I2s
{
    public class I2sDevice : IDisposable
    {
        public I2sDevice(I2sConnectionSettings settings) { }

        public I2sConnectionSettings ConnectionSettings => throw null;

        public void Read(SpanByte buffer) { }

        /// <summary>On the ESP32 an i2s_write with portMAX_DELAY: returns once the DMA buffers took every byte.</summary>
        public void Write(SpanByte buffer) { }

        public static I2sDevice Create(I2sConnectionSettings settings) => throw null;

        public void Dispose() { }
    }

    public sealed class I2sConnectionSettings
    {
        public I2sConnectionSettings(int busId) { }

        public int BusId { get => throw null; set { } }

        public I2sMode Mode { get => throw null; set { } }

        public I2sBitsPerSample BitsPerSample { get => throw null; set { } }

        public I2sChannelFormat ChannelFormat { get => throw null; set { } }

        public I2sCommunicationFormat CommunicationFormat { get => throw null; set { } }

        public int SampleRate { get => throw null; set { } }

        /// <summary>Bytes of DMA buffer (default 10000); the ESP32 native code divides it into buffers of 256 frames.</summary>
        public int BufferSize { get => throw null; set { } }
    }

    [Flags]
    public enum I2sMode
    {
        Master = 1 << 0,
        Slave = 1 << 1,
        Tx = 1 << 2,
        Rx = 1 << 3,
        DacBuiltIn = 1 << 4,
        AdcBuiltIn = 1 << 5,
        Pdm = 1 << 6,
    }

    public enum I2sBitsPerSample
    {
        Bit8 = 8,
        Bit16 = 16,
        Bit24 = 24,
        Bit32 = 32,
    }

    public enum I2sChannelFormat
    {
        RightLeft = 0x00,
        AllRight,
        AllLeft,
        OnlyRight,
        OnlyLeft,
    }

    public enum I2sCommunicationFormat
    {
        I2S = 0x01,
        Msb = 0x03,
        PcmShort = 0x04,
        PcmLong = 0x0C,
        Max,
    }
}
