using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Roster;

public class RosterNameTests
{
    private readonly RamFlash flash = new(128, 4096, 256);

    private RosterStore Store()
    {
        var state = new StateLog(flash, 0);
        state.Mount();
        var store = new RosterStore(flash, state, 2, 40);
        store.Mount();
        return store;
    }

    private static byte[] KeyOf(int elder)
    {
        var uid = TerminalRig.Uid(elder);
        var key = new byte[CardKey.Size];
        CardKey.FromUid(uid, uid.Length, key, 0);
        return key;
    }

    [Fact]
    public void EveryCardOfAShuffledNamedRoster_IsFoundWithItsOwnName()
    {
        var entries = NamedRoster.Elders(2000);
        new Random(11).Shuffle(entries);
        var store = Store();
        Assert.True(store.Install(RosterWriter.Build(entries, 4, 1)));
        Assert.True(store.Active!.HasNames);
        var found = new RosterEntry();
        for (int i = 0; i < 2000; i++)
        {
            Assert.True(store.Active.TryFind(KeyOf(i), 0, found));
            Assert.Equal((uint)(5000 + i), found.ElderId);
            Assert.Equal(NamedRoster.NameOf(i), NamedRoster.NameIn(found));
        }
    }

    [Fact]
    public void RosterWithoutNames_StaysFormatOneAndLooksUpWithAnEmptyName()
    {
        var image = RosterWriter.Build(TerminalRig.Elders(10), 1, 1);
        Assert.Equal(RosterFormat.ImageSize(10), image.Length);
        Assert.Equal(RosterFormat.FormatVersion, LittleEndian.ReadUInt16(image, 4));
        var store = Store();
        Assert.True(store.Install(image));
        var found = new RosterEntry { NameLength = 5 };
        Assert.True(store.Active!.TryFind(KeyOf(3), 0, found));
        Assert.False(store.Active.HasNames);
        Assert.Equal(0, found.NameLength);
    }

    [Fact]
    public void ElderWithoutANameInANamedRoster_LooksUpWithAnEmptyName()
    {
        var entries = NamedRoster.Elders(5);
        entries[2].NameLength = 0;
        var store = Store();
        Assert.True(store.Install(RosterWriter.Build(entries, 1, 1)));
        var found = new RosterEntry();
        Assert.True(store.Active!.TryFind(KeyOf(2), 0, found));
        Assert.Equal(0, found.NameLength);
        Assert.True(store.Active.TryFind(KeyOf(3), 0, found));
        Assert.Equal(NamedRoster.NameOf(3), NamedRoster.NameIn(found));
    }

    [Fact]
    public void NameOffsetPastItsLimit_IsRefusedAtCommitAndTheOldRosterKept()
    {
        var store = Store();
        Assert.True(store.Install(RosterWriter.Build(NamedRoster.Elders(10), 1, 1)));
        var bad = RosterWriter.Build(NamedRoster.Elders(20), 2, 1);
        int table = RosterFormat.NameTableOffset(20);
        LittleEndian.WriteUInt32(bad, table + 4, 200); // name 0 would be 200 bytes long
        LittleEndian.WriteUInt32(bad, 20, Crc32.Compute(bad, RosterFormat.HeaderSize, bad.Length - RosterFormat.HeaderSize));
        Assert.False(store.Install(bad));
        Assert.Equal(1u, store.ActiveVersion);
    }

    [Fact]
    public void CorruptNameByte_IsRefusedByTheImageCrc()
    {
        var store = Store();
        Assert.True(store.Install(RosterWriter.Build(NamedRoster.Elders(10), 1, 1)));
        var bad = RosterWriter.Build(NamedRoster.Elders(20), 2, 1);
        bad[^1] ^= 0x01;
        Assert.False(store.Install(bad));
        Assert.Equal(1u, store.ActiveVersion);
    }

    [Fact]
    public void NameLongerThanTheLimit_IsRefusedWhenBuilt()
    {
        var entries = NamedRoster.Elders(3);
        entries[1].NameLength = RosterFormat.MaxNameBytes + 1;
        Assert.Throws<IndexOutOfRangeException>(() => entries[1].Name[RosterFormat.MaxNameBytes]);
        var error = Assert.Throws<ArgumentException>(() => RosterWriter.Build(entries, 1, 1));
        Assert.Contains("longer than", error.Message);
    }
}
