using System.IO.Ports;
using MealTerminal.Drivers.Provisioning;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The provisioning console's serial line on COM2 (the service header, PinMap.ConsoleRx/ConsoleTx).
    /// Not COM1: on the ESP32 nanoCLR's wire protocol owns UART0 behind the USB port. Read returns
    /// only what the UART has already buffered (BytesToRead), so the caller's loop never blocks.
    /// </summary>
    public sealed class SerialConsoleLine : ISerialLine
    {
        public const string PortName = "COM2";
        public const int BaudRate = 115200;
        private readonly SerialPort port;

        public SerialConsoleLine()
        {
            port = new SerialPort(PortName, BaudRate, Parity.None, 8, StopBits.One);
            port.Open();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int waiting = port.BytesToRead;
            if (waiting == 0)
            {
                return 0;
            }

            return port.Read(buffer, offset, waiting < count ? waiting : count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            port.Write(buffer, offset, count);
        }
    }
}
