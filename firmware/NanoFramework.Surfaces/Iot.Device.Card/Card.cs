// Reference surface of NuGet package nanoFramework.Iot.Device.Card 1.2.937 (assembly Iot.Device.Card),
// read from devices/Card in nanoframework/nanoFramework.IoT.Device at the commit that packaged it.
// Only the two types the MFRC522 binding exposes to us. Declaration-only.
namespace Iot.Device.Card
{
    public abstract class CardTransceiver
    {
        public abstract int Transceive(byte targetNumber, System.SpanByte dataToSend, System.SpanByte dataFromCard);
        public abstract bool ReselectTarget(byte targetNumber);
    }
}

namespace Iot.Device.Rfid
{
    /// <summary>An ISO 14443 type A card at 106 kbps as selected by the reader.</summary>
    public class Data106kbpsTypeA
    {
        public Data106kbpsTypeA(byte targetNumber, ushort atqa, byte sak, byte[] nfcId, byte[] ats) { }
        public byte TargetNumber { get => throw null; set { } }
        public ushort Atqa { get => throw null; set { } }
        public byte Sak { get => throw null; set { } }
        /// <summary>The card UID: 4, 7 or 10 bytes.</summary>
        public byte[] NfcId { get => throw null; set { } }
        public byte[] Ats { get => throw null; set { } }
    }
}
