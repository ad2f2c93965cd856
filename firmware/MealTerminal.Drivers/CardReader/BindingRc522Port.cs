using System;

namespace MealTerminal.Drivers.CardReader
{
    /// <summary>
    /// IRc522Port over the MFRC522 binding. A card in IDLE is read by the binding's listen alone: a REQA
    /// of our own first would leave the card READY, and by ISO/IEC 14443-3 (6.3, state READY) the
    /// listen's second REQA sends it back to IDLE without an answer, so a card lying on the reader was
    /// never read. A card in HALT answers only WUPA (6.3.1), which the binding's listen never sends:
    /// we send it through Transceive and then run anticollision and select ourselves, because another
    /// REQA would send a woken card straight back to HALT. Buffers are preallocated (tap path).
    /// </summary>
    public sealed class BindingRc522Port : IRc522Port
    {
        // ISO/IEC 14443-3 6.3.1: WUPA short frame 52h, 7 bits; 6.5.3.1 SEL codes; 6.4.3 cascade tag 88h.
        private const byte Wupa = 0x52;
        private const byte CascadeTag = 0x88;
        private const byte SakCascadeBit = 0x04;
        private static readonly byte[] SelectCodes = { 0x93, 0x95, 0x97 };
        private readonly IMfrc522Binding binding;
        private readonly byte[] send = new byte[9];
        private readonly byte[] receive = new byte[5];

        public BindingRc522Port(IMfrc522Binding binding)
        {
            this.binding = binding;
        }

        public bool Initialize()
        {
            try
            {
                binding.ResetAndEnableAntenna();
                return IsAlive();
            }
            catch (Exception)
            {
                return false;
            }
        }

        public bool IsAlive()
        {
            try
            {
                int major = binding.VersionMajor();
                return major == 1 || major == 2;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public Rc522Result RequestAndSelect(bool wakeHalted, byte[] uid, out int length)
        {
            length = 0;
            try
            {
                Rc522Result result;
                if (wakeHalted)
                {
                    result = WakeAndSelect(uid, out length);
                }
                else
                {
                    result = binding.ListenTypeA(uid, out length) ? Rc522Result.Card : Rc522Result.NoCard;
                }

                if (result == Rc522Result.Card)
                {
                    binding.Halt(); // the card stays quiet until it leaves the field or is woken
                }

                return result;
            }
            catch (Exception)
            {
                length = 0;
                return Rc522Result.Timeout;
            }
        }

        private Rc522Result WakeAndSelect(byte[] uid, out int length)
        {
            length = 0;
            send[0] = Wupa;
            Rc522Result result = binding.Transceive(send, 1, 7, receive, 2);
            if (result != Rc522Result.Card)
            {
                return result;
            }

            for (int level = 0; level < SelectCodes.Length; level++)
            {
                // Anticollision: SEL, NVB 20h; the card answers UID CLn (4 bytes) and BCC (6.5.3.2).
                send[0] = SelectCodes[level];
                send[1] = 0x20;
                result = binding.Transceive(send, 2, 8, receive, 5);
                if (result != Rc522Result.Card)
                {
                    return result;
                }

                if ((byte)(receive[0] ^ receive[1] ^ receive[2] ^ receive[3]) != receive[4])
                {
                    return Rc522Result.Error;
                }

                // Select: SEL, NVB 70h, UID CLn, BCC, CRC_A; the card answers SAK and CRC_A (6.5.3.4).
                send[1] = 0x70;
                Array.Copy(receive, 0, send, 2, 5);
                ushort crc = CrcA.Compute(send, 0, 7);
                send[7] = (byte)crc;
                send[8] = (byte)(crc >> 8);
                result = binding.Transceive(send, 9, 8, receive, 3);
                if (result != Rc522Result.Card)
                {
                    return result;
                }

                if (CrcA.Compute(receive, 0, 1) != (ushort)(receive[1] | (receive[2] << 8)))
                {
                    return Rc522Result.Error;
                }

                bool cascades = send[2] == CascadeTag;
                if (cascades != ((receive[0] & SakCascadeBit) != 0) || length + (cascades ? 3 : 4) > uid.Length)
                {
                    return Rc522Result.Error;
                }

                Array.Copy(send, cascades ? 3 : 2, uid, length, cascades ? 3 : 4);
                length += cascades ? 3 : 4;
                if (!cascades)
                {
                    return Rc522Result.Card;
                }
            }

            length = 0;
            return Rc522Result.Error;
        }
    }
}
