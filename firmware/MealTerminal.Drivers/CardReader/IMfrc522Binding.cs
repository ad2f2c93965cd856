namespace MealTerminal.Drivers.CardReader
{
    /// <summary>
    /// The few calls of the MFRC522 binding (nanoFramework.Iot.Device.Mfrc522) the reader needs, as a
    /// port of ours: the binding's class is not virtual, so tests fake this instead.
    /// </summary>
    public interface IMfrc522Binding
    {
        /// <summary>Soft reset (CommandReg SoftReset, MFRC522 datasheet 10.3.1.10) and antenna on.</summary>
        void ResetAndEnableAntenna();

        /// <summary>VersionReg's major version: 1 or 2 for a live chip (datasheet 9.3.4.8), else 0.</summary>
        int VersionMajor();

        /// <summary>
        /// The binding's ListenToCardIso14443TypeA: one REQA, then anticollision and select over all
        /// cascade levels. True with the UID in uid[0..length) when a card was selected.
        /// </summary>
        bool ListenTypeA(byte[] uid, out int length);

        /// <summary>
        /// The binding's SendAndReceiveData(Transceive): sends send[0..sendCount) with validBitsLastByte
        /// bits of the last byte (7 for a short frame), reads exactly receiveCount bytes back.
        /// Card = the exchange completed; NoCard = nothing answered; Collision and Error as the chip says.
        /// </summary>
        Rc522Result Transceive(byte[] send, int sendCount, int validBitsLastByte, byte[] receive, int receiveCount);

        /// <summary>HLTA to the selected card (ISO/IEC 14443-3 6.4.3).</summary>
        void Halt();
    }
}
