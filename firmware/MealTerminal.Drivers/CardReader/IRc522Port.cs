namespace MealTerminal.Drivers.CardReader
{
    /// <summary>What one request-and-select exchange with the MFRC522 gave.</summary>
    public enum Rc522Result
    {
        /// <summary>The reader worked and no card answered REQA/WUPA (the card-side timer expired).</summary>
        NoCard = 0,
        /// <summary>A card was selected; its full UID (cascade levels joined) is in the buffer.</summary>
        Card = 1,
        /// <summary>Two or more cards answered and anticollision did not settle on one.</summary>
        Collision = 2,
        /// <summary>A card answered but the frame was bad (CRC, parity, bit count, protocol error).</summary>
        Error = 3,
        /// <summary>The MFRC522 itself never signalled completion: the chip is not answering.</summary>
        Timeout = 4,
    }

    /// <summary>
    /// The MFRC522 as the supervisor needs it. BindingRc522Port implements it over the MFRC522 binding
    /// (the binding's listen for idle cards, WUPA and our own select for halted ones); tests fake it.
    /// </summary>
    public interface IRc522Port
    {
        /// <summary>
        /// Hard reset (pulse NRSTPD low, MFRC522 datasheet §8.8.1 "Hard power-down"), soft reset
        /// (CommandReg 0x01 SoftReset, §10.3.1.10), timer and antenna setup. False when the chip
        /// did not come back (see IsAlive).
        /// </summary>
        bool Initialize();

        /// <summary>
        /// Reads VersionReg (0x37, MFRC522 datasheet §9.3.4.8): true for 0x91 (version 1.0) or 0x92
        /// (version 2.0). A hung chip or a broken SPI wire reads 0x00 or 0xFF.
        /// </summary>
        bool IsAlive();

        /// <summary>
        /// One REQA (or WUPA when wakeHalted, to reach a card left in HALT by a failed exchange),
        /// anticollision and select over all cascade levels. On Card the UID is in uid[0..length).
        /// </summary>
        Rc522Result RequestAndSelect(bool wakeHalted, byte[] uid, out int length);
    }
}
