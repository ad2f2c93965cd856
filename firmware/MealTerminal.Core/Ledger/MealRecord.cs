namespace MealTerminal.Core.Ledger
{
    /// <summary>
    /// One tap outcome as stored in the ledger and sent to the gateway. Meals and refusals are both
    /// recorded (the gateway lists refusals for review, unknown cards for enrolment). A reusable
    /// holder: the tap path fills one instance and never allocates.
    /// </summary>
    public sealed class MealRecord
    {
        public const int NoPeriod = 0x0F;

        /// <summary>Monotonic per terminal from 1, never reused, across reboots.</summary>
        public uint Sequence;

        /// <summary>The verdict code (see Meals.VerdictCode); VerdictCode.Accepted is a counted meal.</summary>
        public int Verdict;

        /// <summary>Meal period index 0..3, or NoPeriod.</summary>
        public int Period;

        public int Category;

        /// <summary>True when Time is wall time; false when it is milliseconds since boot.</summary>
        public bool ClockValid;

        /// <summary>Boot counter of the terminal when the record was made.</summary>
        public int BootCount;

        /// <summary>Elder id from the roster, 0 when the card is not in it.</summary>
        public uint ElderId;

        /// <summary>Seconds since 2020-01-01T00:00Z when ClockValid, else milliseconds since boot.</summary>
        public uint Time;

        /// <summary>True when the tap was made at an elder's door during a delivery round (送餐上门).</summary>
        public bool AtDoor;

        /// <summary>With AtDoor: the roster did not register the elder for home delivery (listed for review).</summary>
        public bool Unregistered;

        /// <summary>The card key (see Cards.CardKey), kept so unknown cards can be enrolled.</summary>
        public readonly byte[] CardKey = new byte[Cards.CardKey.Size];

        public void CopyFrom(MealRecord other)
        {
            Sequence = other.Sequence;
            Verdict = other.Verdict;
            Period = other.Period;
            Category = other.Category;
            ClockValid = other.ClockValid;
            BootCount = other.BootCount;
            ElderId = other.ElderId;
            Time = other.Time;
            AtDoor = other.AtDoor;
            Unregistered = other.Unregistered;
            for (int i = 0; i < CardKey.Length; i++)
            {
                CardKey[i] = other.CardKey[i];
            }
        }
    }
}
