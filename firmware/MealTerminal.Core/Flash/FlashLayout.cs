using System;

namespace MealTerminal.Core.Flash
{
    /// <summary>
    /// How the terminal divides its NOR chip (docs/formats.md): two state sectors, two roster slots
    /// sized for the largest roster, two configuration sectors, the meal ledger ring, and at the end of
    /// the chip two voice pack slots when the terminal speaks from recorded clips (none by default, so
    /// a layout without voice keeps its ledger where it was).
    /// </summary>
    public sealed class FlashLayout
    {
        public const int StateSectors = 2;
        public const int ConfigSectors = 2;

        /// <summary>Sectors per voice pack slot on a terminal with an I2S speaker: 512 KB, 64 s of 8 kHz 8-bit audio (docs/formats.md).</summary>
        public const int DefaultVoiceSectorsPerSlot = 128;

        public FlashLayout(IFlash flash, int maxRosterEntries)
            : this(flash, maxRosterEntries, 0)
        {
        }

        public FlashLayout(IFlash flash, int maxRosterEntries, int voiceSectorsPerSlot)
        {
            int rosterBytes = Roster.RosterFormat.ImageSize(maxRosterEntries);
            RosterSectorsPerSlot = (rosterBytes + flash.SectorSize - 1) / flash.SectorSize;
            StateFirstSector = 0;
            RosterFirstSector = StateSectors;
            ConfigFirstSector = RosterFirstSector + (2 * RosterSectorsPerSlot);
            LedgerFirstSector = ConfigFirstSector + ConfigSectors;
            LedgerSectorCount = flash.SectorCount - LedgerFirstSector - (2 * voiceSectorsPerSlot);
            VoiceFirstSector = LedgerFirstSector + LedgerSectorCount;
            VoiceSectorsPerSlot = voiceSectorsPerSlot;
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

        /// <summary>First sector of voice pack slot A (slot B follows); meaningful when VoiceSectorsPerSlot is not 0.</summary>
        public int VoiceFirstSector { get; private set; }

        public int VoiceSectorsPerSlot { get; private set; }
    }
}
