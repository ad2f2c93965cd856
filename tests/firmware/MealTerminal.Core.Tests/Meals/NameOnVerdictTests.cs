using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>The verdict screen names whose card was read, so an elder sees at once that it is theirs.</summary>
public class NameOnVerdictTests
{
    [Fact]
    public void AcceptedTap_ShowsTheEldersNameFromTheRoster()
    {
        var rig = new TerminalRig(roster: NamedRoster.Elders(20));
        rig.Clock.SetLocal(2026, 3, 2, 11, 30);
        Assert.Equal(VerdictCode.Accepted, rig.Tap(TerminalRig.Uid(8)));
        Assert.Equal(NamedRoster.NameOf(8), NamedRoster.Gb2312.GetString(rig.Feedback.Names[^1]));
    }

    [Fact]
    public void RefusedTapOfAKnownCard_StillShowsWhoseCardItIs()
    {
        var rig = new TerminalRig(roster: NamedRoster.Elders(20));
        rig.Clock.SetLocal(2026, 3, 2, 11, 30);
        rig.Tap(TerminalRig.Uid(3));
        Assert.Equal(VerdictCode.AlreadyEaten, rig.Tap(TerminalRig.Uid(3)));
        Assert.Equal(NamedRoster.NameOf(3), NamedRoster.Gb2312.GetString(rig.Feedback.Names[^1]));
    }

    [Fact]
    public void UnknownCardAfterANamedOne_ShowsNoName()
    {
        var rig = new TerminalRig(roster: NamedRoster.Elders(20));
        rig.Clock.SetLocal(2026, 3, 2, 11, 30);
        rig.Tap(TerminalRig.Uid(3));
        Assert.Equal(VerdictCode.UnknownCard, rig.Tap(new byte[] { 0x04, 0x99, 0x98, 0x97, 0x96, 0x95, 0x94 }));
        Assert.Empty(rig.Feedback.Names[^1]);
    }
}
