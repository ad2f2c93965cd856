using System;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>
    /// A whole terminal on a small in-RAM chip (9 sectors: state, two one-sector roster slots, two config sectors,
    /// a three-sector ledger) with hand-driven ports; Reboot boots a fresh core on the same memory.
    /// The chip has 1 KB sectors, not the W25Q's 4 KB: filling the ledger (storage full) then holds
    /// 3 KB of pages instead of 12 KB, which keeps the self-test inside its 24 KB heap budget
    /// (docs/benchmarks.md); the 4 KB geometry is checked by the ledger checks and the scratch sector.
    /// </summary>
    internal sealed class BenchTerminal
    {
        public const int Elders = 8;
        public const int LunchPeriod = 1;
        private const int MaxRoster = 16;
        private const int SectorSize = 1024;

        public readonly SparseRamFlash Flash = new SparseRamFlash(9, SectorSize, 256);
        public readonly BenchClock Clock = new BenchClock();
        public readonly BenchReader Reader = new BenchReader();
        public readonly BenchFeedback Feedback = new BenchFeedback();
        public readonly TerminalConfig Config = new TerminalConfig("SELF", "T-SELF", TerminalConfig.DefaultPeriods());
        private readonly OfflineUplink uplink = new OfflineUplink();

        public BenchTerminal()
        {
            Clock.Utc = new DateTime(2026, 11, 23, 4, 0, 0); // 12:00 at +08:00: lunch
            Reboot();
            Terminal.Rosters.Install(RosterWriter.Build(Roster(), 1, 1));
            Reboot();
        }

        public Terminal Terminal { get; private set; }

        public void Reboot()
        {
            Clock.Milliseconds = 0;
            Terminal = new Terminal(Config, new FlashLayout(Flash, MaxRoster), Flash, Reader, Clock, Feedback, uplink);
            Terminal.Boot();
        }

        /// <summary>Presents a card, runs one tick, waits past the debounce; returns the verdict shown or 0.</summary>
        public int Tap(CardReadStatus status, byte[] uid)
        {
            int before = Feedback.Shown;
            Reader.Present(status, uid);
            Terminal.Tick();
            Clock.Advance(5);
            return Feedback.Shown > before ? Feedback.LastVerdict : 0;
        }

        public int TapElder(int elder)
        {
            return Tap(CardReadStatus.Card, Uid(elder));
        }

        /// <summary>Distinct cards that are not in the roster.</summary>
        public int TapStranger(int n)
        {
            byte[] uid = new byte[] { 0x04, 0x77, (byte)(n >> 16), (byte)(n >> 8), (byte)n, 0x10, 0x80 };
            return Tap(CardReadStatus.Card, uid);
        }

        public static byte[] Uid(int elder)
        {
            return new byte[] { 0x04, 0x5E, 0x1F, (byte)elder, 0x22, 0x33, 0x80 };
        }

        public static int CategoryOf(int elder)
        {
            return elder % ElderCategory.Count;
        }

        private static RosterEntry[] Roster()
        {
            RosterEntry[] entries = new RosterEntry[Elders];
            for (int i = 0; i < Elders; i++)
            {
                RosterEntry e = new RosterEntry();
                e.ElderId = (uint)(7000 + i);
                e.Category = (byte)CategoryOf(i);
                e.Status = CardStatus.Active;
                e.ValidToDay = RosterFormat.NoUpperBound;
                byte[] uid = Uid(i);
                CardKey.FromUid(uid, uid.Length, e.CardKey, 0);
                entries[i] = e;
            }

            return entries;
        }
    }
}
