using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>A terminal on an in-RAM flash with fake ports; Reboot boots a fresh core on the same memory.</summary>
public sealed class TerminalRig
{
    public const int MaxRoster = 2000;

    public TerminalRig(int sectors = 128, RosterEntry[]? roster = null, IFlash? flash = null, int voiceSectorsPerSlot = 0)
    {
        VoiceSectorsPerSlot = voiceSectorsPerSlot;
        Flash = flash ?? new RamFlash(sectors, 4096, 256);
        Reboot();
        if (Terminal.Rosters.Active is null)
        {
            Terminal.Rosters.Install(RosterWriter.Build(roster ?? Elders(20), 1, 1));
            Reboot();
        }
    }

    public IFlash Flash { get; }

    /// <summary>Sectors per voice pack slot in the layout (0: a terminal without recorded voice).</summary>
    public int VoiceSectorsPerSlot { get; }

    public FakeClock Clock { get; } = new();

    public FakeReader Reader { get; } = new();

    public RecordingFeedback Feedback { get; } = new();

    public LoopbackUplink Uplink { get; } = new() { IsConnected = false };

    public RecordingVoice Voice { get; } = new();

    public TerminalConfig Config { get; } = new("S01", "T01", TerminalConfig.DefaultPeriods());

    public Terminal Terminal { get; private set; } = null!;

    public void Reboot()
    {
        Clock.MillisecondsSinceBoot = 0;
        Terminal = new Terminal(Config, new FlashLayout(Flash, MaxRoster, VoiceSectorsPerSlot), Flash, Reader, Clock, Feedback, Uplink) { Voice = Voice };
        Terminal.Boot();
    }

    /// <summary>Taps a card and returns the verdict shown (0 when nothing new was shown).</summary>
    public int Tap(byte[] uid)
    {
        int before = Feedback.Verdicts.Count;
        Reader.Present(uid);
        Terminal.Tick();
        Clock.Advance(TimeSpan.FromSeconds(5));
        return Feedback.Verdicts.Count > before ? Feedback.Verdicts[^1] : 0;
    }

    public static byte[] Uid(int elder) => new byte[] { 0x04, 0x11, (byte)(elder >> 8), (byte)elder, 0x22, 0x33, 0x80 };

    public static RosterEntry[] Elders(int count, CardStatus status = CardStatus.Active)
    {
        var entries = new RosterEntry[count];
        for (int i = 0; i < count; i++)
        {
            var e = new RosterEntry { ElderId = (uint)(5000 + i), Category = (byte)(i % ElderCategory.Count), Status = status, ValidToDay = RosterFormat.NoUpperBound };
            var uid = Uid(i);
            CardKey.FromUid(uid, uid.Length, e.CardKey, 0);
            entries[i] = e;
        }

        return entries;
    }
}
