using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Ledger;

/// <summary>
/// A terminal serving a few days of meals on an emulated chip (state, two roster slots, an
/// 8-sector ledger that wraps), uploading to a FakeGateway that sometimes loses acknowledgements,
/// with an offline stretch. Remembers every record whose verdict was shown.
/// </summary>
public sealed class PowerCutWorkload
{
    public const int MaxRoster = 64;
    public const int Elders = 40;
    private readonly Random random;
    private readonly FakeReader reader = new();
    private readonly RecordingFeedback feedback = new();
    private readonly LoopbackUplink uplink = new();
    private readonly FakeClock verifyClock = new();
    private readonly FakeReader verifyReader = new();
    private readonly RecordingFeedback verifyFeedback = new();
    private readonly LoopbackUplink offline = new() { IsConnected = false };
    private Terminal terminal = null!;

    public PowerCutWorkload(int seed)
    {
        random = new Random(seed);
        Gateway = new FakeGateway(uplink);
        Clock.SetLocal(2026, 11, 20, 6, 40);
        terminal = Boot(Chip, reader, Clock, feedback, uplink);
        terminal.Rosters.Install(RosterWriter.Build(Roster(), 1, 1));
        terminal = Boot(Chip, reader, Clock, feedback, uplink);
        Booted = true;
    }

    public EmulatedNorFlash Chip { get; } = new(2 + 2 + 8);

    public FakeClock Clock { get; } = new();

    public TerminalConfig Config { get; } = new("S01", "T01", TerminalConfig.DefaultPeriods());

    public FakeGateway Gateway { get; }

    public bool Booted { get; }

    public int Taps { get; private set; }

    public Dictionary<uint, MealRecord> Shown { get; } = new();

    /// <summary>The cursor the running terminal holds (the value a cut cannot take it below).</summary>
    public uint AckedBefore => terminal.Ledger.AcknowledgedSequence;

    public static byte[] Uid(int elder) => new byte[] { 0x04, 0x31, (byte)elder, 0x5C, 0x22, 0x33, 0x80 };

    public void Run(int taps)
    {
        int strangers = 0;
        for (Taps = 0; Taps < taps; Taps++)
        {
            MoveTime();
            uplink.IsConnected = Taps < 600 || Taps > 1000;
            int pick = random.Next(100);
            if (pick < 8)
            {
                reader.Present(new byte[] { 0x04, 0x99, (byte)(strangers >> 8), (byte)strangers++, 0x01, 0x02, 0x03 });
            }
            else if (pick < 11)
            {
                reader.Fail();
            }
            else
            {
                reader.Present(Uid(random.Next(Elders)));
            }

            uint before = terminal.Ledger.NextSequence;
            int shown = feedback.Verdicts.Count;
            terminal.Tick();
            if (feedback.Verdicts.Count > shown && terminal.Ledger.NextSequence == before + 1)
            {
                var record = new MealRecord();
                Assert.True(terminal.Ledger.TryRead(before, record));
                Shown[before] = record;
            }

            Gateway.Receive(deliverAck: random.Next(10) != 0);
        }
    }

    /// <summary>Boots a fresh core on a chip copied after a cut, with its own ports, at the current time.</summary>
    public Terminal BootOn(EmulatedNorFlash chip)
    {
        verifyClock.SetUtc(Clock.UtcNow);
        return Boot(chip, verifyReader, verifyClock, verifyFeedback, offline);
    }

    public int TapOn(Terminal other, byte[] uid)
    {
        int before = verifyFeedback.Verdicts.Count;
        verifyReader.Present(uid);
        other.Tick();
        return verifyFeedback.Verdicts.Count > before ? verifyFeedback.Verdicts[^1] : 0;
    }

    public int CurrentPeriod() =>
        MealRules.PeriodAt(Config, LocalTime.LocalMinuteOfDay(LocalTime.ToRecordSeconds(Clock.UtcNow), Config.UtcOffsetMinutes));

    /// <summary>A few seconds to a minute between taps; outside meal periods mostly skip ahead to the next one.</summary>
    private void MoveTime()
    {
        Clock.Advance(TimeSpan.FromSeconds(random.Next(4, 60)));
        if (CurrentPeriod() < 0 && random.Next(20) != 0)
        {
            while (CurrentPeriod() < 0)
            {
                Clock.Advance(TimeSpan.FromMinutes(10));
            }
        }
    }

    private Terminal Boot(IFlash chip, FakeReader cards, FakeClock clock, RecordingFeedback screen, LoopbackUplink link)
    {
        var t = new Terminal(Config, new FlashLayout(chip, MaxRoster), chip, cards, clock, screen, link);
        t.Boot();
        return t;
    }

    private static RosterEntry[] Roster()
    {
        var entries = new RosterEntry[Elders];
        for (int i = 0; i < Elders; i++)
        {
            var e = new RosterEntry
            {
                ElderId = (uint)(5000 + i), Category = (byte)(i % ElderCategory.Count), ValidToDay = RosterFormat.NoUpperBound,
                Status = i == 7 ? CardStatus.Suspended : CardStatus.Active,
            };
            var uid = Uid(i);
            CardKey.FromUid(uid, uid.Length, e.CardKey, 0);
            entries[i] = e;
        }

        return entries;
    }
}
