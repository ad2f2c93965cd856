// Reference surface of NuGet package nanoFramework.System.IO.Ports 1.1.132 (assembly System.IO.Ports),
// read from nanoframework/System.IO.Ports at tag v1.1.132 (SerialPort.cs, Parity.cs, StopBits.cs,
// Handshake.cs). The MFRC522 binding has a SerialPort constructor overload, so resolving its SPI
// constructor needs this assembly; the provisioning console (Adapters/SerialConsoleLine) and the TTS
// module's port (Adapters/UartSpeechPort) use the members declared here. Every public member of
// SerialPort but the DataReceived event, BaseStream, Mode, NewLine, WatchChar, ReceivedBytesThreshold
// and InvertSignalLevels (not used, and they would drag in more types). Declaration-only.
namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { }

        public static string[] GetPortNames() => throw null;

        public int BaudRate { get => throw null; set { } }

        public Handshake Handshake { get => throw null; set { } }

        public int DataBits { get => throw null; set { } }

        public Parity Parity { get => throw null; set { } }

        public StopBits StopBits { get => throw null; set { } }

        public string PortName => throw null;

        public bool IsOpen => throw null;

        /// <summary>Milliseconds before a read gives up; Timeout.Infinite (-1) by default.</summary>
        public int ReadTimeout { get => throw null; set { } }

        /// <summary>Milliseconds before a write gives up; Timeout.Infinite (-1) by default.</summary>
        public int WriteTimeout { get => throw null; set { } }

        /// <summary>Bytes waiting in the receive buffer (an internal call on the device).</summary>
        public int BytesToRead => throw null;

        /// <summary>The one work buffer (receive and transmit) nanoFramework allocates at Open; 256 by default; set before Open.</summary>
        public int ReadBufferSize { get => throw null; set { } }

        /// <summary>The same buffer as ReadBufferSize (nanoFramework has one); set before Open.</summary>
        public int WriteBufferSize { get => throw null; set { } }

        public void Open() { }

        public void Close() { }

        public int Read(byte[] buffer, int offset, int count) => throw null;

        public int ReadByte() => throw null;

        public string ReadExisting() => throw null;

        public string ReadLine() => throw null;

        /// <summary>
        /// An internal call. On the ESP32 it returns when the bytes are in the UART (the driver has no
        /// transmit ring): a write estimated to fit in a 20 ms thread quantum goes straight to the hardware
        /// FIFO; a longer one goes to a transmit task and the calling thread waits for it, up to WriteTimeout.
        /// </summary>
        public void Write(byte[] buffer, int offset, int count) { }

        public void WriteByte(byte value) { }

        public void Write(string text) { }

        public void WriteLine(string text) { }

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

    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff,
    }
}
