using MealTerminal.Core.Flash;

namespace MealTerminal.Core.Tests.Flash;

/// <summary>
/// The voice half and the display half of issue 18 both took flash: voice pack slots at the end of
/// the chip, font slots after the configuration on chips above 4 MB. Every region of every layout
/// must lie inside the chip and apart from every other, with and without voice.
/// </summary>
public class FlashLayoutOverlapTests
{
    private const int Roster = 20000;

    public static TheoryData<int, int, int> Chips()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int megabytes in new[] { 4, 8, 16 })
        {
            foreach (int reservedTail in new[] { 0, 2 })
            {
                data.Add(megabytes, reservedTail, 0);
                data.Add(megabytes, reservedTail, FlashLayout.DefaultVoiceSectorsPerSlot);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Chips))]
    public void NoTwoRegions_Overlap_AndAllLieOnTheChip(int megabytes, int reservedTail, int voiceSectorsPerSlot)
    {
        var flash = new SparseRamFlash((megabytes * 256) - reservedTail, 4096, 256);
        var layout = new FlashLayout(flash, Roster, voiceSectorsPerSlot);

        var regions = new List<(string Name, int First, int Count)>
        {
            ("state", layout.StateFirstSector, FlashLayout.StateSectors),
            ("roster", layout.RosterFirstSector, 2 * layout.RosterSectorsPerSlot),
            ("config", layout.ConfigFirstSector, FlashLayout.ConfigSectors),
            ("font", layout.FontFirstSector, 2 * layout.FontSectorsPerSlot),
            ("ledger", layout.LedgerFirstSector, layout.LedgerSectorCount),
            ("voice", layout.VoiceFirstSector, 2 * layout.VoiceSectorsPerSlot),
        };

        foreach (var region in regions)
        {
            Assert.InRange(region.First, 0, flash.SectorCount);
            Assert.InRange(region.First + region.Count, region.First, flash.SectorCount);
        }

        var used = regions.Where(r => r.Count > 0).OrderBy(r => r.First).ToList();
        for (int i = 1; i < used.Count; i++)
        {
            Assert.True(used[i - 1].First + used[i - 1].Count <= used[i].First, $"{used[i - 1].Name} overlaps {used[i].Name} on {megabytes} MB");
        }

        Assert.True(layout.LedgerSectorCount >= 3);
        Assert.Equal(voiceSectorsPerSlot, layout.VoiceSectorsPerSlot);
    }

    [Theory]
    [MemberData(nameof(Chips))]
    public void FontSlots_ExistOnlyAbove4MB_AndHoldTheShippedImage(int megabytes, int reservedTail, int voiceSectorsPerSlot)
    {
        var layout = new FlashLayout(new SparseRamFlash((megabytes * 256) - reservedTail, 4096, 256), Roster, voiceSectorsPerSlot);

        if (megabytes == 4)
        {
            Assert.Equal(0, layout.FontSectorsPerSlot);
        }
        else
        {
            Assert.True(layout.FontSectorsPerSlot * 4096 >= FlashLayout.FontSlotBytes);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void Voice_TakesItsSlotsFromTheLedgerTail_SoNoOtherRegionMoves(int megabytes)
    {
        var flash = new SparseRamFlash((megabytes * 256) - 2, 4096, 256);
        var silent = new FlashLayout(flash, Roster);
        var speaking = new FlashLayout(flash, Roster, FlashLayout.DefaultVoiceSectorsPerSlot);

        Assert.Equal(silent.FontFirstSector, speaking.FontFirstSector);
        Assert.Equal(silent.LedgerFirstSector, speaking.LedgerFirstSector);
        Assert.Equal(silent.LedgerSectorCount - (2 * FlashLayout.DefaultVoiceSectorsPerSlot), speaking.LedgerSectorCount);
        Assert.Equal(flash.SectorCount, speaking.VoiceFirstSector + (2 * speaking.VoiceSectorsPerSlot));
    }
}
