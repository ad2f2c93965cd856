// Reference surface of NuGet package nanoFramework.Iot.Device.Mfrc522 1.2.945 (assembly Iot.Device.Mfrc522),
// read from devices/Mfrc522 in nanoframework/nanoFramework.IoT.Device at the commit that packaged it.
// All four constructors (SPI, I2C, serial port name, SerialPort) are declared because overload
// resolution needs them; Mifare authentication is left out. Declaration-only.
using System;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using System.IO.Ports;
using Iot.Device.Card;
using Iot.Device.Rfid;

namespace Iot.Device.Mfrc522
{
    /// <summary>Receiver gain (RFCfgReg RxGain bits, MFRC522 datasheet 9.3.3.6).</summary>
    public enum Gain
    {
        G18dBa = 0x00, G23dBa = 0x10, G18dBb = 0x20, G23dBb = 0x30,
        G33dB = 0x40, G38dB = 0x50, G43dB = 0x60, G48dB = 0x70,
    }

    public enum Status { Ok = 0, Collision = 1, Error = 2, Timeout = 3 }

    /// <summary>CommandReg command codes (MFRC522 datasheet 10.3).</summary>
    public enum MfrcCommand
    {
        Idle = 0x00, Memory = 0x01, GenerateRandomId = 0x02, CalculateCrc = 0x03, Transmit = 0x04,
        NoCommandChange = 0x07, Receive = 0x08, Transceive = 0x0C, MifareAuthenticate = 0x0E, ResetPhase = 0x0F,
    }

    /// <summary>SerialSpeedReg values (MFRC522 datasheet 9.3.2.14, table 39).</summary>
    public enum SerialSpeed
    {
        B7200 = 0xFA, B9600 = 0xEB, B14400 = 0xDA, B19200 = 0xCB, B38400 = 0xAB, B57600 = 0x9A,
        B115200 = 0x7A, B128000 = 0x74, B230400 = 0x5A, B460800 = 0x3A, B921600 = 0x1C, B1228800 = 0x15,
    }

    public class MfRc522 : CardTransceiver, IDisposable
    {
        public const int MaximumSpiClockFrequency = 10_000_000;
        public const SpiMode DefaultSpiMode = SpiMode.Mode0;

        public MfRc522(SpiDevice spiDevice, int pinReset = -1, GpioController gpioController = null, bool shouldDispose = true) { }
        public MfRc522(I2cDevice i2cDevice, int pinReset = -1, GpioController gpioController = null, bool shouldDispose = true) { }
        public MfRc522(string serialPort, int pinReset = -1, GpioController gpioController = null, bool shouldDispose = true) { }
        public MfRc522(SerialPort serialPort, int pinReset = -1, GpioController gpioController = null, bool shouldDispose = true) { }

        public Gain Gain { get => throw null; set { } }
        public Version Version => throw null;
        /// <summary>Antenna (TX1/TX2) on or off.</summary>
        public bool Enabled { get => throw null; set { } }
        public SerialSpeed SerialSpeed { get => throw null; set { } }

        public void SoftReset() { }
        public bool ListenToCardIso14443TypeA(out Data106kbpsTypeA card, TimeSpan timeout) => throw null;
        public bool IsCardPresent(byte[] atqa) => throw null;
        public Status SendAndReceiveData(MfrcCommand command, SpanByte sendData, SpanByte receiveData, byte numberValidBitsLastByte = 8) => throw null;
        public bool Halt() => throw null;
        public void PrepareForSleep() { }
        public void Dispose() { }

        public override int Transceive(byte targetNumber, SpanByte dataToSend, SpanByte dataFromCard) => throw null;
        public override bool ReselectTarget(byte targetNumber) => throw null;
    }
}
