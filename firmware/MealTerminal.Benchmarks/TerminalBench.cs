using MealTerminal.Core;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Clock;
using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;

namespace MealTerminal.Benchmarks;

/// <summary>
/// A terminal on a counting 4 MB chip (W25Q32 geometry, two sectors reserved at the end) with a
/// 20,000-elder roster; with names, on a 16 MB chip (W25Q128) with a roster carrying a masked
/// three-character name per elder, the shipped font image installed, and every screen drawn on
/// the colour layout (into a panel that keeps nothing), so glyph reads count as the device's would.
/// </summary>
public sealed class TerminalBench
{
    public const int RosterSize = 20000;
    public const int ChipSectors = 1024 - 2;
    public const int LargeChipSectors = 4096 - 2;
    private readonly Reader reader = new();
    private readonly Feedback feedback = new();

    public TerminalBench(string? fontImage = null, int voiceSectorsPerSlot = 0)
    {
        VoiceSectorsPerSlot = voiceSectorsPerSlot;
        Names = fontImage is not null;
        Chip = new CountingFlash(Names ? LargeChipSectors : ChipSectors);
        Clock.Now = new DateTime(2026, 11, 23, 3, 30, 0); // 11:30 at +08:00
        Reboot();
        if (!Terminal.Rosters.Install(RosterWriter.Build(Roster(Names), 1, 1)))
        {
            throw new InvalidOperationException("roster did not install");
        }

        if (fontImage is not null && !Terminal.Fonts.Install(File.ReadAllBytes(fontImage)))
        {
            throw new InvalidOperationException("font image did not install");
        }

        Reboot();
    }

    public bool Names { get; }

    public CountingFlash Chip { get; }

    /// <summary>Voice pack slot size of the layout (0: a terminal without recorded voice).</summary>
    public int VoiceSectorsPerSlot { get; }

    public BenchClock Clock { get; } = new();

    public TerminalConfig Config { get; } = new("S01", "T01", TerminalConfig.DefaultPeriods());

    public Terminal Terminal { get; private set; } = null!;

    public int LastVerdict => feedback.LastVerdict;

    public void Reboot()
    {
        Clock.Milliseconds = 0;
        Terminal = new Terminal(Config, new FlashLayout(Chip, RosterSize, VoiceSectorsPerSlot), Chip, reader, Clock, feedback, new Offline());
        Terminal.Boot();
        feedback.Colour = Names ? new ColourScreenRenderer() : null;
        if (feedback.Colour is not null)
        {
            feedback.Colour.Text.Font = Terminal.Fonts.Active;
        }
    }

    /// <summary>Card of roster elder i (a 7-byte UID).</summary>
    public static void UidOf(int i, byte[] uid)
    {
        uid[0] = 0x04;
        uid[1] = (byte)(i * 37);
        uid[2] = (byte)(i >> 8);
        uid[3] = (byte)i;
        uid[4] = 0x5A;
        uid[5] = 0x10;
        uid[6] = 0x80;
    }

    public void Tap(byte[] uid)
    {
        reader.Pending = uid;
        Terminal.Tick();
        Clock.Milliseconds += 4000;
        Clock.Now = Clock.Now.AddSeconds(4);
    }

    /// <summary>王＊英-like masked names: surname, ＊, last character, 6 GB2312 bytes, varied over the level-1 rows.</summary>
    private static RosterEntry[] Roster(bool names)
    {
        var entries = new RosterEntry[RosterSize];
        var uid = new byte[7];
        for (int i = 0; i < RosterSize; i++)
        {
            var e = new RosterEntry { ElderId = (uint)(100000 + i), Category = (byte)(i % ElderCategory.Count), ValidToDay = RosterFormat.NoUpperBound };
            UidOf(i, uid);
            CardKey.FromUid(uid, uid.Length, e.CardKey, 0);
            if (names)
            {
                byte[] name = [(byte)(0xB0 + (i % 40)), (byte)(0xA1 + (i % 94)), 0xA3, 0xAA, (byte)(0xB0 + ((i / 40) % 40)), (byte)(0xA1 + ((i / 7) % 94))];
                name.CopyTo(e.Name, 0);
                e.NameLength = name.Length;
            }

            entries[i] = e;
        }

        return entries;
    }

    public sealed class BenchClock : IClock
    {
        public DateTime Now;
        public long Milliseconds;

        public bool IsWallClockValid => true;

        public DateTime UtcNow => Now;

        public long MillisecondsSinceBoot => Milliseconds;

        public void SetUtc(DateTime utc) => Now = utc;
    }

    private sealed class Reader : ICardReader
    {
        public byte[]? Pending;

        public CardReadStatus Poll(byte[] uid, out int length)
        {
            length = 0;
            if (Pending == null)
            {
                return CardReadStatus.NoCard;
            }

            Pending.CopyTo(uid, 0);
            length = Pending.Length;
            Pending = null;
            return CardReadStatus.Card;
        }
    }

    private sealed class Feedback : IFeedback
    {
        private readonly NullPanel panel = new();

        public int LastVerdict;

        public ColourScreenRenderer? Colour;

        public void Show(Screen screen)
        {
            LastVerdict = screen.Verdict;
            Colour?.Render(screen, panel);
        }
    }

    /// <summary>A 320x240 panel that only counts what it is sent.</summary>
    private sealed class NullPanel : IPanel
    {
        public long Pixels;

        public int Width => 320;

        public int Height => 240;

        public void Fill(int x, int y, int width, int height, int colour) => Pixels += width * height;

        public void DrawBits(int x, int y, int width, int height, byte[] bits, int offset, int stride, int foreground, int background) => Pixels += width * height;
    }

    private sealed class Offline : IUplink
    {
        public bool IsConnected => false;

        public bool Publish(int channel, byte[] payload, int offset, int count) => false;

        public int TryReceive(byte[] buffer, out int channel)
        {
            channel = 0;
            return -1;
        }
    }
}
