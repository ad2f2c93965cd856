using System;

namespace MealTerminal.Core.Flash
{
    /// <summary>
    /// How the terminal divides its NOR chip (docs/formats.md): two state sectors, two roster slots
    /// sized for the largest roster, two configuration sectors, on a chip of more than 4 MB (W25Q64,
    /// W25Q128) two font image slots, the meal ledger ring, and at the end of the chip two voice pack
    /// slots when the terminal speaks from recorded clips (none by default, so a layout without voice
    /// keeps its ledger where it was). A 4 MB chip (the W25Q32 of the SSD1306 terminals) keeps the
    /// layout it always had - roster slots without name budget and no font slots - so a firmware
    /// update never moves its ledger; names fit there only while a roster is small. The regions follow
    /// one another in this order, so none overlaps another (FlashLayoutOverlapTests).
    /// </summary>
    public sealed class FlashLayout
    {
        public const int StateSectors = 2;
        public const int ConfigSectors = 2;

        /// <summary>Sectors per voice pack slot on a terminal with an I2S speaker: 512 KB, 64 s of 8 kHz 8-bit audio (docs/formats.md).</summary>
        public const int DefaultVoiceSectorsPerSlot = 128;

        /// <summary>A chip larger than 4 MB (less its reserved tail) has room for rosters with names and the font image.</summary>
        public const int NamesAndFontChipBytes = (4 * 1024 * 1024) + (64 * 1024);

        /// <summary>Bytes of one font slot: the shipped 24 + 32 px image (1,779,009 bytes) with room to spare.</summary>
        public const int FontSlotBytes = 1835008;

        public FlashLayout(IFlash flash, int maxRosterEntries)
            : this(flash, maxRosterEntries, 0)
        {
        }

        public FlashLayout(IFlash flash, int maxRosterEntries, int voiceSectorsPerSlot)
        {
            bool large = (long)flash.SectorCount * flash.SectorSize >= NamesAndFontChipBytes;
            int rosterBytes = large ? Roster.RosterFormat.SlotBytesWithNames(maxRosterEntries) : Roster.RosterFormat.ImageSize(maxRosterEntries);
            RosterSectorsPerSlot = (rosterBytes + flash.SectorSize - 1) / flash.SectorSize;
            StateFirstSector = 0;
            RosterFirstSector = StateSectors;
            ConfigFirstSector = RosterFirstSector + (2 * RosterSectorsPerSlot);
            FontFirstSector = ConfigFirstSector + ConfigSectors;
            FontSectorsPerSlot = large ? (FontSlotBytes + flash.SectorSize - 1) / flash.SectorSize : 0;
            LedgerFirstSector = FontFirstSector + (2 * FontSectorsPerSlot);
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

        /// <summary>First sector of the two font slots; FontSectorsPerSlot 0 when the chip has none.</summary>
        public int FontFirstSector { get; private set; }

        public int FontSectorsPerSlot { get; private set; }

        public int LedgerFirstSector { get; private set; }

        public int LedgerSectorCount { get; private set; }

        public int MaxRosterEntries { get; private set; }

        /// <summary>First sector of voice pack slot A (slot B follows); meaningful when VoiceSectorsPerSlot is not 0.</summary>
        public int VoiceFirstSector { get; private set; }

        public int VoiceSectorsPerSlot { get; private set; }
    }
}
