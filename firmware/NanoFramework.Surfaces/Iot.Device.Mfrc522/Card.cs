// Reference surface of the card types nanoFramework.Iot.Device.Mfrc522 1.x exposes (namespaces Iot.Device.Card
// and Iot.Device.Rfid, from devices/Card in nanoframework/nanoFramework.IoT.Device).
namespace Iot.Device.Card
{
    public enum NfcProtocol { Unknown = 0, Mifare = 1, Iso14443_3 = 2, Iso14443_4 = 3 }

    public abstract class CardTransceiver
    {
        public abstract uint MaximumReadSize { get; }
        public abstract uint MaximumWriteSize { get; }
        public abstract int Transceive(byte targetNumber, System.SpanByte dataToSend, System.SpanByte dataFromCard, NfcProtocol protocol = NfcProtocol.Mifare);
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
