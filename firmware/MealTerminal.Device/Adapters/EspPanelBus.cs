using System;
using System.Device.Gpio;
using System.Device.Spi;
using MealTerminal.Drivers.Display;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The colour panel's 4-wire serial port over nanoFramework's SpiDevice and two GPIOs: D/CX low
    /// for the command byte, high for what follows; chip select is framed by SpiDevice per write,
    /// which both controllers allow between bytes (ILI9341 V1.11 / ST7789V V1.6, serial interface timing).
    /// </summary>
    public sealed class EspPanelBus : IPanelBus
    {
        private readonly SpiDevice device;
        private readonly GpioPin dataCommand;
        private readonly GpioPin reset;
        private readonly byte[] one = new byte[1];

        public EspPanelBus(SpiDevice device, GpioController gpio, int dataCommandPin, int resetPin)
        {
            this.device = device;
            dataCommand = gpio.OpenPin(dataCommandPin, PinMode.Output);
            reset = gpio.OpenPin(resetPin, PinMode.Output);
            reset.Write(PinValue.High);
        }

        public void Command(byte command, byte[] parameters, int count)
        {
            one[0] = command;
            dataCommand.Write(PinValue.Low);
            device.Write(new SpanByte(one, 0, 1));
            dataCommand.Write(PinValue.High);
            if (count > 0)
            {
                device.Write(new SpanByte(parameters, 0, count));
            }
        }

        public void Data(byte[] data, int offset, int count)
        {
            device.Write(new SpanByte(data, offset, count));
        }

        /// <summary>RESX low 1 ms (at least 10 us), then 120 ms before commands (both datasheets: reset timing).</summary>
        public void HardwareReset()
        {
            reset.Write(PinValue.Low);
            System.Threading.Thread.Sleep(1);
            reset.Write(PinValue.High);
            System.Threading.Thread.Sleep(120);
        }
    }
}
