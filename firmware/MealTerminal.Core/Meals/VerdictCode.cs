namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Stable numeric verdict codes (docs/verdicts.md). They are stored in the ledger and sent to the
    /// gateway, so a code never changes meaning. Constants rather than an enum because an enum's
    /// ToString() prints its number on nanoFramework anyway.
    /// </summary>
    public static class VerdictCode
    {
        /// <summary>Meal recorded: the only code that counts as a served meal.</summary>
        public const int Accepted = 1;

        /// <summary>The elder already had the period's subsidised meal(s).</summary>
        public const int AlreadyEaten = 2;

        public const int OutsidePeriod = 3;

        /// <summary>Card not in the roster: recorded so the gateway can offer it for enrolment.</summary>
        public const int UnknownCard = 4;

        public const int CardSuspended = 5;
        public const int CardLost = 6;
        public const int ElderDeceased = 7;

        /// <summary>The card could not be read completely; nothing recorded.</summary>
        public const int TapAgain = 8;

        /// <summary>Meal recorded, and storage for unsent records is nearly full.</summary>
        public const int AcceptedStorageLow = 9;

        /// <summary>Storage full of records not yet uploaded: the meal is refused, nothing overwritten.</summary>
        public const int StorageFull = 10;

        /// <summary>The card presents a random UID (first byte 0x08) and cannot identify anyone.</summary>
        public const int RandomUid = 11;

        /// <summary>The card is outside its validity dates.</summary>
        public const int CardNotValid = 12;

        /// <summary>Number of tap verdicts (codes 1..Count-1 are what a tap can show).</summary>
        public const int Count = 13;

        /// <summary>
        /// Not a tap: a clock anchor. Written once per boot when the wall clock becomes valid after
        /// records were stored without it; Time holds the wall time and ElderId the seconds since
        /// boot at that moment, so the gateway can place the boot's earlier records in time.
        /// </summary>
        public const int ClockSet = 13;

        /// <summary>
        /// Not a tap: a configuration marker. Written when the terminal starts deciding taps with another
        /// configuration (and at boot when the newest ledger sector does not say which one is running);
        /// ElderId holds the configuration version (0 = built-in defaults), so the gateway reads every
        /// later record's meal period against the periods of that version (docs/formats.md).
        /// </summary>
        public const int ConfigSwitch = 14;

        /// <summary>
        /// Not a tap: a delivery round marker (docs/formats.md), written when a courier's card starts or
        /// ends a round on a terminal in delivery mode. ElderId holds the courier's id; the period nibble
        /// says RoundStart or RoundEnd. Records between a start and the next marker are that round's.
        /// Code 0 was the only free verdict nibble; the gateway counted it as unknown before.
        /// </summary>
        public const int DeliveryRound = 0;

        /// <summary>Period value of a DeliveryRound marker that opens a round.</summary>
        public const int RoundStart = 0;

        /// <summary>Period value of a DeliveryRound marker that closes a round.</summary>
        public const int RoundEnd = 1;

        /// <summary>True for the records that are not taps: clock anchors, configuration and delivery round markers.</summary>
        public static bool IsMarker(int code)
        {
            return code == ClockSet || code == ConfigSwitch || code == DeliveryRound;
        }

        /// <summary>True for codes that mean a meal was served and counted.</summary>
        public static bool IsMeal(int code)
        {
            return code == Accepted || code == AcceptedStorageLow;
        }
    }
}
