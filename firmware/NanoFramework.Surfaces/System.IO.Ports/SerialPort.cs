// Reference surface of NuGet package nanoFramework.System.IO.Ports 1.1.132 (assembly System.IO.Ports),
// read from nanoframework/System.IO.Ports (SerialPort.cs, Parity.cs, StopBits.cs). The MFRC522 binding
// has a SerialPort constructor overload, so resolving its SPI constructor needs this assembly; the
// provisioning console (Adapters/SerialConsoleLine) uses the members declared here. Declaration-only.
namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public const int InfiniteTimeout = -1;

        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { }

        public bool IsOpen => throw null;

        /// <summary>Bytes waiting in the receive buffer (an internal call on the device).</summary>
        public int BytesToRead => throw null;

        public void Open() { }

        public void Close() { }

        public int Read(byte[] buffer, int offset, int count) => throw null;

        public void Write(byte[] buffer, int offset, int count) { }

        public void Dispose() { }
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }
}
