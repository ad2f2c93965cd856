// Reference surface of NuGet package nanoFramework.System.IO.Ports 1.1.132 (assembly System.IO.Ports).
// Only the sealed type itself (its constructor is left out: it needs Parity and StopBits): the MFRC522
// binding has a SerialPort constructor overload, so resolving its SPI constructor needs this assembly
// referenced, exactly as on the device. Declaration-only.
namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        internal SerialPort() { }
        public void Dispose() { }
    }
}
