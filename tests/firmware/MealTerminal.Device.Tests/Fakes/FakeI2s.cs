namespace System.Device.I2s;

// Host fakes with the members of nanoFramework.System.Device.I2s 1.0.28 that I2sSpeaker uses
// (firmware/NanoFramework.Surfaces/System.Device.I2s is the faithful surface). Every device writes
// to the one FakeI2sBus, I2sDevice.Bus, which a test sets; the tests that use it run in one class.

public sealed class I2sConnectionSettings
{
    public I2sConnectionSettings(int busId) => BusId = busId;

    public int BusId { get; set; }

    public I2sMode Mode { get; set; } = I2sMode.Pdm;

    public I2sBitsPerSample BitsPerSample { get; set; } = I2sBitsPerSample.Bit16;

    public I2sChannelFormat ChannelFormat { get; set; }

    public I2sCommunicationFormat CommunicationFormat { get; set; } = I2sCommunicationFormat.I2S;

    public int SampleRate { get; set; } = 44_100;

    public int BufferSize { get; set; } = 10000;
}

public class I2sDevice : IDisposable
{
    public static MealTerminal.Device.Tests.Fakes.FakeI2sBus Bus { get; set; } = new();

    private readonly MealTerminal.Device.Tests.Fakes.FakeI2sBus bus;

    public I2sDevice(I2sConnectionSettings settings)
    {
        ConnectionSettings = settings;
        bus = Bus;
        bus.Opened(this);
    }

    public I2sConnectionSettings ConnectionSettings { get; }

    public bool Disposed { get; private set; }

    public void Write(SpanByte buffer)
    {
        if (Disposed)
        {
            throw new ObjectDisposedException(nameof(I2sDevice));
        }

        bus.Written(this, buffer.ToArray());
    }

    public void Dispose() => Disposed = true;
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
