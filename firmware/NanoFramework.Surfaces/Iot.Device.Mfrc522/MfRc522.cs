// Reference surface of NuGet package nanoFramework.Iot.Device.Mfrc522 1.x (assembly Iot.Device.Mfrc522),
// from devices/Mfrc522 in nanoframework/nanoFramework.IoT.Device. Only the SPI constructor and the
// members a card reader adapter needs; the I2C and serial constructors and Mifare/Ultralight commands are left out.
using System;
using System.Device.Gpio;
using System.Device.Spi;
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

    public class MfRc522 : CardTransceiver, IDisposable
    {
        public const int MaximumSpiClockFrequency = 10_000_000;
        public const SpiMode DefaultSpiMode = SpiMode.Mode0;

        public MfRc522(SpiDevice spiDevice, int pinReset = -1, GpioController gpioController = null, bool shouldDispose = true) { }

        public Gain Gain { get => throw null; set { } }
        public Version Version => throw null;
        /// <summary>Antenna (TX1/TX2) on or off.</summary>
        public bool Enabled { get => throw null; set { } }

        public void SoftReset() { }
        public bool ListenToCardIso14443TypeA(out Data106kbpsTypeA card, TimeSpan timeout) => throw null;
        public bool IsCardPresent(byte[] atqa) => throw null;
        public bool Halt() => throw null;
        public void PrepareForSleep() { }

        public override uint MaximumReadSize => throw null;
        public override uint MaximumWriteSize => throw null;
        public override int Transceive(byte targetNumber, SpanByte dataToSend, SpanByte dataFromCard, NfcProtocol protocol = NfcProtocol.Mifare) => throw null;
        public override bool ReselectTarget(byte targetNumber) => throw null;
        public void Dispose() { }
    }
}
