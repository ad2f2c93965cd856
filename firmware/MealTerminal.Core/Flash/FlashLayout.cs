using System;

namespace MealTerminal.Core.Flash
{
    /// <summary>
    /// How the terminal divides its NOR chip (docs/formats.md): two state sectors, two roster slots
    /// sized for the largest roster, two configuration sectors, and the rest for the meal ledger ring.
    /// </summary>
    public sealed class FlashLayout
    {
        public const int StateSectors = 2;
        public const int ConfigSectors = 2;

        public FlashLayout(IFlash flash, int maxRosterEntries)
        {
            int rosterBytes = Roster.RosterFormat.ImageSize(maxRosterEntries);
            RosterSectorsPerSlot = (rosterBytes + flash.SectorSize - 1) / flash.SectorSize;
            StateFirstSector = 0;
            RosterFirstSector = StateSectors;
            ConfigFirstSector = RosterFirstSector + (2 * RosterSectorsPerSlot);
            LedgerFirstSector = ConfigFirstSector + ConfigSectors;
            LedgerSectorCount = flash.SectorCount - LedgerFirstSector;
            MaxRosterEntries = maxRosterEntries;
            if (LedgerSectorCount < 3)
            {
                throw new ArgumentException("flash too small for a " + maxRosterEntries + "-entry roster and a ledger");
            }
        }

        public int StateFirstSector { get; private set; }

        public int RosterFirstSector { get; private set; }

        public int RosterSectorsPerSlot { get; private set; }

        public int ConfigFirstSector { get; private set; }

        public int LedgerFirstSector { get; private set; }

        public int LedgerSectorCount { get; private set; }

        public int MaxRosterEntries { get; private set; }
    }
}
