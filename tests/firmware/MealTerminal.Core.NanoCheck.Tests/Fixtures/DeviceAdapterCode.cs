// Fixture, not compiled by the test project: device adapters as the ESP32 firmware would write them,
// against the device surfaces (MFRC522 over SPI, M2Mqtt, ESP32 pin routing, RTC, I2C for the DS3231).
using System;
using System.Collections;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using nanoFramework.Hardware.Esp32;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Fixture
{
    public sealed class Mfrc522Reader
    {
        private readonly MfRc522 _reader;

        public Mfrc522Reader(int resetPin)
        {
            Configuration.SetPinFunction(23, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(19, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(18, DeviceFunction.SPI1_CLOCK);
            var settings = new SpiConnectionSettings(1, 5) { ClockFrequency = 5_000_000, Mode = MfRc522.DefaultSpiMode };
            _reader = new MfRc522(SpiDevice.Create(settings), resetPin, new GpioController(), true);
            _reader.Gain = Gain.G48dB;
        }

        public int Poll(byte[] uid)
        {
            Data106kbpsTypeA card;
            if (!_reader.ListenToCardIso14443TypeA(out card, TimeSpan.FromMilliseconds(20))) return 0;
            Array.Copy(card.NfcId, uid, card.NfcId.Length);
            _reader.Halt();
            return card.NfcId.Length;
        }

        public bool IsGenuine { get { return _reader.Version.Major >= 1; } }
    }

    public sealed class MqttUplink
    {
        private readonly MqttClient _client;
        private readonly Queue _inbound = new Queue();

        public MqttUplink(string broker)
        {
            _client = new MqttClient(broker, 1883, false, null, null, MqttSslProtocols.None);
            _client.MqttMsgPublishReceived += OnMessage;
        }

        public bool Connect(string terminalId)
        {
            var code = _client.Connect(terminalId, null, null, true, MqttQoSLevel.AtLeastOnce, true,
                "terminal/" + terminalId + "/status", "offline", false, 60);
            if (code != MqttReasonCode.Success) return false;
            _client.Subscribe(new[] { "terminal/" + terminalId + "/ack" }, new[] { MqttQoSLevel.AtLeastOnce });
            return _client.IsConnected;
        }

        public bool Publish(string topic, byte[] payload)
        {
            if (!_client.IsConnected) return false;
            _client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, false);
            return true;
        }

        private void OnMessage(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_inbound) { _inbound.Enqueue(e.Message); }
        }
    }

    public static class Ds3231Clock
    {
        public static DateTime ReadAndApply(I2cDevice rtc)
        {
            byte[] registers = new byte[7];
            var result = rtc.WriteRead(new byte[] { 0x00 }, registers);
            if (result.Status != I2cTransferStatus.FullTransfer) throw new InvalidOperationException("DS3231 did not answer");
            var utc = new DateTime(2000 + Bcd(registers[6]), Bcd(registers[5]), Bcd(registers[4]),
                Bcd(registers[2]), Bcd(registers[1]), Bcd(registers[0]));
            nanoFramework.Runtime.Native.Rtc.SetSystemTime(utc);
            return utc;
        }

        private static int Bcd(byte value) { return (value >> 4) * 10 + (value & 0x0F); }
    }
}
