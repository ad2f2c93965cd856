using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Roster;
using MealTerminal.Core.SelfTest;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Roster;

public class RosterPowerCutTests
{
    private const int MaxRoster = 300;

    [Fact]
    public void ACutAtAnyPointOfARosterInstall_LeavesEitherTheOldOrTheNewRosterWhole()
    {
        var chip = new EmulatedNorFlash(2 + 8 + 3);
        Install(chip, Elders(250, first: 0), version: 1);
        var baseline = chip.Copy();
        var probe = chip.Copy();
        probe.ResetCounters();
        Install(probe, Elders(280, first: 1000), version: 2);
        int operations = probe.Mutations;
        Assert.True(operations > 10);

        for (int cut = 1; cut <= operations; cut++)
        {
            var torn = baseline.Copy(seed: cut);
            torn.CutPowerAt(cut);
            Assert.Throws<PowerCutException>(() => Install(torn, Elders(280, first: 1000), version: 2));

            var rosters = Mount(torn.Copy(seed: cut + 1));
            var (expected, version) = rosters.ActiveVersion == 2 ? (Elders(280, 1000), 2u) : (Elders(250, 0), 1u);
            Assert.Equal(version, rosters.ActiveVersion);
            var entry = new RosterEntry();
            Assert.All(expected, e => Assert.True(rosters.Active.TryFind(e.CardKey, 0, entry) && entry.ElderId == e.ElderId, $"cut {cut}: card of {e.ElderId} not found in roster {version}"));
        }
    }

    [Fact]
    public void A20000ElderRoster_FitsAW25Q32_AndEveryCardIsFound()
    {
        var chip = new EmulatedNorFlash(1024 - 2);
        var elders = Elders(20000, first: 0);
        Install(chip, elders, version: 1, maxRoster: 20000);
        var rosters = Mount(chip, maxRoster: 20000);
        var entry = new RosterEntry();

        Assert.Equal(20000, rosters.Active.EntryCount);
        Assert.All(elders, e => Assert.True(rosters.Active.TryFind(e.CardKey, 0, entry) && entry.ElderId == e.ElderId));
    }

    private static void Install(IFlash chip, RosterEntry[] elders, uint version, int maxRoster = MaxRoster)
    {
        var rosters = Mount(chip, maxRoster);
        Assert.True(rosters.Install(RosterWriter.Build(elders, version, 1)));
    }

    private static RosterStore Mount(IFlash chip, int maxRoster = MaxRoster)
    {
        var layout = new FlashLayout(chip, maxRoster);
        var state = new StateLog(chip, layout.StateFirstSector);
        state.Mount();
        var rosters = new RosterStore(chip, state, layout.RosterFirstSector, layout.RosterSectorsPerSlot);
        rosters.Mount();
        return rosters;
    }

    private static RosterEntry[] Elders(int count, int first)
    {
        var entries = new RosterEntry[count];
        for (int i = 0; i < count; i++)
        {
            int n = first + i;
            var uid = new byte[] { 0x04, (byte)(n * 41), (byte)(n >> 8), (byte)n, 0x5A, 0x10, 0x80 };
            entries[i] = new RosterEntry { ElderId = (uint)(100000 + n), Category = (byte)(n % 11), ValidToDay = RosterFormat.NoUpperBound };
            CardKey.FromUid(uid, uid.Length, entries[i].CardKey, 0);
        }

        return entries;
    }
}
