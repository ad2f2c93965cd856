using System;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using MealTerminal.Drivers.CardReader;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The card reader port over nanoFramework.Iot.Device.Mfrc522. It performs exactly one exchange
    /// per call and never loops: ReaderSupervisor owns polling, reselection and the watchdog (the
    /// binding's ListenToCardIso14443TypeA is called with a short timeout and, in current sources,
    /// returns after one poll anyway because of its inverted timeout check).
    /// </summary>
    public sealed class Rc522Port : IRc522Port
    {
        // MFRC522 datasheet rev 3.9, section 9.3.4.8 VersionReg: 0x91 = version 1.0, 0x92 = version 2.0.
        private static readonly TimeSpan SelectTimeout = TimeSpan.FromMilliseconds(30);
        private readonly MfRc522 reader;
        private readonly byte[] atqa = new byte[2];

        public Rc522Port(MfRc522 reader)
        {
            this.reader = reader;
        }

        public bool Initialize()
        {
            try
            {
                reader.SoftReset();
                reader.Enabled = true;
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
                Version version = reader.Version;
                return version.Major == 1 || version.Major == 2;
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
                if (!reader.IsCardPresent(atqa))
                {
                    return Rc522Result.NoCard;
                }

                Data106kbpsTypeA card;
                if (!reader.ListenToCardIso14443TypeA(out card, SelectTimeout) || card == null || card.NfcId == null)
                {
                    return Rc522Result.Error;
                }

                byte[] id = card.NfcId;
                if (id.Length > uid.Length)
                {
                    return Rc522Result.Error;
                }

                Array.Copy(id, uid, id.Length);
                length = id.Length;
                reader.Halt(); // the card stays quiet until it leaves the field or is woken
                return Rc522Result.Card;
            }
            catch (Exception)
            {
                return Rc522Result.Timeout;
            }
        }
    }
}
