namespace MealTerminal.Drivers.CardReader
{
    /// <summary>Counters for the status heartbeat: is the reader answering, and how often it had to be revived.</summary>
    public sealed class ReaderHealth
    {
        /// <summary>False from the moment the watchdog gives up on the chip until a re-initialisation succeeds.</summary>
        public bool Healthy = true;

        /// <summary>Re-initialisations the watchdog has done since boot (attempts, successful or not).</summary>
        public int ReinitCount;

        /// <summary>Re-initialisations that did not bring the chip back.</summary>
        public int FailedReinitCount;

        /// <summary>Milliseconds since boot when the chip last proved it answers.</summary>
        public long LastOkMilliseconds;

        /// <summary>Exchanges where a card answered badly (CRC, parity, collision).</summary>
        public int CardErrors;

        /// <summary>Exchanges where the MFRC522 itself did not answer, or its version read wrong.</summary>
        public int ChipTimeouts;

        /// <summary>Random-UID cards seen (phones, bank cards).</summary>
        public int RandomUids;

        public int ConsecutiveFailures;
    }
}
