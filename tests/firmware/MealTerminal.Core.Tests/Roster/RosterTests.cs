using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Roster;

public class RosterTests
{
    private readonly RamFlash flash = new(64, 4096, 256);

    private RosterStore Store()
    {
        var state = new StateLog(flash, 0);
        state.Mount();
        var store = new RosterStore(flash, state, 2, 20);
        store.Mount();
        return store;
    }

    [Fact]
    public void EveryCardOfAShuffledRoster_IsFoundByBinarySearchInFlash()
    {
        var entries = TerminalRig.Elders(1000);
        new Random(7).Shuffle(entries);
        var store = Store();
        Assert.True(store.Install(RosterWriter.Build(entries, 3, 1)));
        var found = new RosterEntry();
        for (int i = 0; i < 1000; i++)
        {
            var uid = TerminalRig.Uid(i);
            var key = new byte[CardKey.Size];
            CardKey.FromUid(uid, uid.Length, key, 0);
            Assert.True(store.Active!.TryFind(key, 0, found));
            Assert.Equal((uint)(5000 + i), found.ElderId);
        }

        var unknown = new byte[CardKey.Size];
        CardKey.FromUid(new byte[] { 9, 9, 9, 9 }, 4, unknown, 0);
        Assert.False(store.Active!.TryFind(unknown, 0, found));
    }

    [Fact]
    public void RosterWithADuplicateCard_IsRefusedWhenBuilt()
    {
        var entries = TerminalRig.Elders(10);
        entries[7].CardKey.AsSpan().CopyTo(entries[3].CardKey);
        var error = Assert.Throws<ArgumentException>(() => RosterWriter.Build(entries, 1, 1));
        Assert.Contains("duplicate card", error.Message);
    }

    [Fact]
    public void CorruptDownload_KeepsTheOldRosterWorking()
    {
        var store = Store();
        Assert.True(store.Install(RosterWriter.Build(TerminalRig.Elders(10), 1, 1)));
        var image = RosterWriter.Build(TerminalRig.Elders(20), 2, 1);
        image[^5] ^= 0x40;
        Assert.False(store.Install(image));
        store = Store();
        Assert.Equal(1u, store.ActiveVersion);
        Assert.Equal(10, store.Active!.EntryCount);
    }

    [Fact]
    public void NewRoster_ReplacesTheOldOneAfterRemount()
    {
        var store = Store();
        store.Install(RosterWriter.Build(TerminalRig.Elders(10), 1, 1));
        Assert.True(store.Install(RosterWriter.Build(TerminalRig.Elders(30), 2, 1)));
        store = Store();
        Assert.Equal(2u, store.ActiveVersion);
        Assert.Equal(30, store.Active!.EntryCount);
    }
}
