namespace MealTerminal.Core.Roster
{
    /// <summary>Card status as the county platform knows it. Stable numeric values: they are on flash.</summary>
    public enum CardStatus
    {
        Active = 0,
        Suspended = 1,
        LostCard = 2,
        Deceased = 3,

        /// <summary>The site host's card: tapping it shows the host review, it is never a meal.</summary>
        HostCard = 4,

        /// <summary>A courier's or volunteer's card (送餐员卡): on a delivery terminal it starts and ends a round, it is never a meal.</summary>
        Courier = 5,
    }

    /// <summary>One elder's card in a roster. A reusable holder: look-ups fill it, they never allocate.</summary>
    public sealed class RosterEntry
    {
        public readonly byte[] CardKey = new byte[Cards.CardKey.Size];
        public uint ElderId;
        public byte Category;
        public CardStatus Status;

        /// <summary>First valid day, in days since 2020-01-01 (local date); 0 means no lower bound.</summary>
        public int ValidFromDay;

        /// <summary>Last valid day, in days since 2020-01-01 (local date); 0xFFFF means no upper bound.</summary>
        public int ValidToDay;

        /// <summary>Registered for home delivery (送餐上门); a delivery to an elder who is not is recorded and listed for review.</summary>
        public bool DeliveryRegistered;

        /// <summary>Position of the entry in the roster, used to index who-ate bitmaps.</summary>
        public int Index;

        /// <summary>The elder's name as the terminal shows it (GB2312 / EUC-CN bytes, masked by the gateway); NameLength 0 when the roster has none.</summary>
        public readonly byte[] Name = new byte[RosterFormat.MaxNameBytes];

        public int NameLength;
    }
}
