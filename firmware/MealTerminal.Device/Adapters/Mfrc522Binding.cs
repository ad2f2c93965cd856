using System;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using MealTerminal.Drivers.CardReader;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// IMfrc522Binding over nanoFramework.Iot.Device.Mfrc522 1.2.945: each member is one binding call.
    /// The reader's policy (listen alone, WUPA and select for halted cards) is BindingRc522Port's,
    /// host-tested. The listen's timeout hardly matters: the binding's inverted timeout check returns
    /// after one REQA anyway.
    /// </summary>
    public sealed class Mfrc522Binding : IMfrc522Binding
    {
        private static readonly TimeSpan ListenTimeout = TimeSpan.FromMilliseconds(30);
        private readonly MfRc522 reader;

        public Mfrc522Binding(MfRc522 reader)
        {
            this.reader = reader;
        }

        public void ResetAndEnableAntenna()
        {
            reader.SoftReset();
            reader.Enabled = true;
        }

        public int VersionMajor()
        {
            return reader.Version.Major;
        }

        public bool ListenTypeA(byte[] uid, out int length)
        {
            length = 0;
            Data106kbpsTypeA card;
            if (!reader.ListenToCardIso14443TypeA(out card, ListenTimeout) || card == null || card.NfcId == null
                || card.NfcId.Length == 0 || card.NfcId.Length > uid.Length)
            {
                return false;
            }

            Array.Copy(card.NfcId, uid, card.NfcId.Length);
            length = card.NfcId.Length;
            return true;
        }

        public Rc522Result Transceive(byte[] send, int sendCount, int validBitsLastByte, byte[] receive, int receiveCount)
        {
            Status status = reader.SendAndReceiveData(MfrcCommand.Transceive, new SpanByte(send, 0, sendCount),
                new SpanByte(receive, 0, receiveCount), (byte)validBitsLastByte);
            switch (status)
            {
                case Status.Ok:
                    return Rc522Result.Card;
                case Status.Collision:
                    return Rc522Result.Collision;
                case Status.Timeout:
                    return Rc522Result.NoCard; // the chip's timer expired: no card answered
                default:
                    return Rc522Result.Error;
            }
        }

        public void Halt()
        {
            reader.Halt();
        }
    }
}
