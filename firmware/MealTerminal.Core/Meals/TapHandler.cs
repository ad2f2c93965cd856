using MealTerminal.Core.Cards;
using MealTerminal.Core.Clock;
using MealTerminal.Core.Display;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Turns one card read into a verdict: debounces repeated reads, looks the card up in flash,
    /// applies the meal rules, records the outcome in the ledger before it is shown, and keeps
    /// who-ate and today's counts. Reuses its buffers: a tap allocates nothing.
    /// </summary>
    public sealed class TapHandler
    {
        /// <summary>Pseudo-period used while the wall clock is unknown: one limit for the whole boot.</summary>
        private const int UnknownTimePeriod = 0x0E;

        /// <summary>Who-ate table size: 1,536 different elders per period before counting falls back to the ledger.</summary>
        private const int WhoAteSize = 2048;

        private readonly TerminalConfig config;
        private readonly IClock clock;
        private readonly MealLedger ledger;
        private readonly RosterStore rosters;
        private readonly DayCounts today;
        private readonly WhoAte whoAte;
        private readonly RosterEntry entry = new RosterEntry();
        private readonly MealRecord record = new MealRecord();
        private readonly byte[] key = new byte[CardKey.Size];
        private readonly byte[] lastKey = new byte[CardKey.Size];
        private long lastTapAt = long.MinValue / 2;
        private int bootCount;
        private bool recordedWithoutClock;

        public TapHandler(TerminalConfig config, IClock clock, MealLedger ledger, RosterStore rosters, DayCounts today, int maxElders)
        {
            this.config = config;
            this.clock = clock;
            this.ledger = ledger;
            this.rosters = rosters;
            this.today = today;
            whoAte = new WhoAte(maxElders < WhoAteSize ? maxElders : WhoAteSize);
            Screen = new Screen();
        }

        public Screen Screen { get; private set; }

        /// <summary>True when the last tap was the site host's card: the caller shows the host review.</summary>
        public bool HostCardTapped { get; private set; }

        /// <summary>
        /// Handles a read. Returns false when the read is a repeat of the last tap within the debounce
        /// window (the screen already shows its verdict).
        /// </summary>
        public bool Handle(CardReadStatus status, byte[] uid, int length)
        {
            long now = clock.MillisecondsSinceBoot;
            HostCardTapped = false;
            if (status == CardReadStatus.RandomUid)
            {
                VerdictScreens.Render(Screen, VerdictCode.RandomUid, string.Empty, string.Empty);
                return true;
            }

            if (status != CardReadStatus.Card || !CardKey.IsValidUidLength(length))
            {
                VerdictScreens.Render(Screen, VerdictCode.TapAgain, string.Empty, string.Empty);
                return true;
            }

            if (CardKey.IsRandomUid(uid, length))
            {
                VerdictScreens.Render(Screen, VerdictCode.RandomUid, string.Empty, string.Empty);
                return true;
            }

            CardKey.FromUid(uid, length, key, 0);
            if (now - lastTapAt < config.DebounceMilliseconds && CardKey.Compare(key, 0, lastKey, 0) == 0)
            {
                lastTapAt = now;
                return false;
            }

            lastTapAt = now;
            for (int i = 0; i < CardKey.Size; i++)
            {
                lastKey[i] = key[i];
            }

            Decide(now);
            return true;
        }

        /// <summary>Rebuilds who-ate for the current period and today's counts from the ledger.</summary>
        public void Rebuild(int currentBoot)
        {
            bootCount = currentBoot;
            int day;
            int period;
            CurrentPeriod(out day, out period);
            whoAte.EnterPeriod(day, period);
            today.Reset(day);
            if (day < 0)
            {
                // No wall clock: the boot's pseudo-period starts empty (this boot has no records yet).
                return;
            }

            uint oldest = ledger.OldestSequence;
            for (uint seq = ledger.NextSequence - 1; seq >= oldest && seq > 0; seq--)
            {
                if (!ledger.TryRead(seq, record))
                {
                    continue;
                }

                if (record.ClockValid && LocalTime.LocalDay(record.Time, config.UtcOffsetMinutes) != day)
                {
                    break; // older than today: records before it are older still
                }

                if (record.ClockValid)
                {
                    today.Add(record);
                }

                if (InPeriod(record, period) && VerdictCode.IsMeal(record.Verdict) && record.ElderId != 0)
                {
                    whoAte.Add(record.ElderId);
                }
            }
        }

        private void Decide(long now)
        {
            int day;
            int period;
            CurrentPeriod(out day, out period);
            if (!whoAte.IsCurrent(day, period))
            {
                whoAte.EnterPeriod(day, period);
            }

            if (day >= 0 && today.Day != day)
            {
                today.Reset(day);
            }

            RosterSlot roster = rosters.Active;
            bool found = roster != null && roster.TryFind(key, 0, entry);
            if (found && entry.Status == CardStatus.HostCard)
            {
                HostCardTapped = true; // not a meal and not recorded
                return;
            }

            int periodIndex = period == UnknownTimePeriod ? 0 : period;
            int limit = period >= 0 && period < config.Periods.Length ? config.Periods[period].LimitPerElder : 1;
            int eaten = found ? whoAte.CountOf(entry.ElderId) : 0;
            if (eaten < 0)
            {
                eaten = CountInLedger(entry.ElderId, day, period);
            }

            int verdict = MealRules.Decide(found, entry, day, period < 0 ? -1 : periodIndex, limit, eaten);

            FillRecord(verdict, found, period, now);
            bool stored = ledger.Append(record);
            if (VerdictCode.IsMeal(verdict))
            {
                if (!stored)
                {
                    verdict = VerdictCode.StorageFull;
                }
                else
                {
                    whoAte.Add(entry.ElderId);
                    if (ledger.UsedPercent >= config.StorageWarningPercent)
                    {
                        verdict = VerdictCode.AcceptedStorageLow;
                    }
                }
            }

            if (stored && day >= 0)
            {
                today.Add(record);
            }

            string periodName = period >= 0 && period < config.Periods.Length ? config.Periods[period].Name : string.Empty;
            VerdictScreens.Render(Screen, verdict, periodName, found ? ElderCategory.ChineseName(entry.Category) : string.Empty);
            string pay = VerdictCode.IsMeal(verdict) && period != UnknownTimePeriod ? config.Prices.PayText(period, entry.Category) : string.Empty;
            if (pay.Length > 0)
            {
                Screen.Line4 = pay;
            }
        }

        private bool InPeriod(MealRecord r, int period)
        {
            return (r.ClockValid && r.Period == period) || (!r.ClockValid && r.BootCount == bootCount && period == UnknownTimePeriod);
        }

        /// <summary>
        /// Meals of one elder in the current period, read from the ledger (newest first, stopping at
        /// an earlier day). Only used when the who-ate table is full.
        /// </summary>
        private int CountInLedger(uint elderId, int day, int period)
        {
            int count = 0;
            uint oldest = ledger.OldestSequence;
            for (uint seq = ledger.NextSequence - 1; seq >= oldest && seq > 0; seq--)
            {
                if (!ledger.TryRead(seq, record))
                {
                    continue;
                }

                if (day >= 0 && record.ClockValid && LocalTime.LocalDay(record.Time, config.UtcOffsetMinutes) != day)
                {
                    break;
                }

                if (record.ElderId == elderId && VerdictCode.IsMeal(record.Verdict) && InPeriod(record, period))
                {
                    count++;
                }
            }

            return count;
        }

        private void FillRecord(int verdict, bool found, int period, long now)
        {
            record.Verdict = verdict;
            record.Period = period < 0 ? MealRecord.NoPeriod : period;
            record.Category = found ? entry.Category : 0;
            record.ElderId = found ? entry.ElderId : 0;
            record.BootCount = bootCount;
            record.ClockValid = clock.IsWallClockValid;
            record.Time = record.ClockValid ? LocalTime.ToRecordSeconds(clock.UtcNow) : (uint)now;
            if (!record.ClockValid)
            {
                recordedWithoutClock = true;
            }
            for (int i = 0; i < CardKey.Size; i++)
            {
                record.CardKey[i] = key[i];
            }
        }

        /// <summary>
        /// Called from the main loop: once the wall clock is valid after this boot stored records
        /// without it, appends one clock anchor (VerdictCode.ClockSet) tying boot time to wall time.
        /// Returns true when an anchor was written.
        /// </summary>
        public bool AnchorClock()
        {
            if (!recordedWithoutClock || !clock.IsWallClockValid)
            {
                return false;
            }

            long now = clock.MillisecondsSinceBoot;
            record.Verdict = VerdictCode.ClockSet;
            record.Period = MealRecord.NoPeriod;
            record.Category = 0;
            record.ElderId = (uint)((now / 1000) & 0xFFFFFF);
            record.BootCount = bootCount;
            record.ClockValid = true;
            record.Time = LocalTime.ToRecordSeconds(clock.UtcNow);
            for (int i = 0; i < CardKey.Size; i++)
            {
                record.CardKey[i] = 0;
            }

            if (!ledger.Append(record))
            {
                return false; // storage full: tried again on the next pass
            }

            recordedWithoutClock = false;
            return true;
        }

        /// <summary>Local day and period index now; day -1 and the unknown-time period when the clock is not valid.</summary>
        private void CurrentPeriod(out int day, out int period)
        {
            if (!clock.IsWallClockValid)
            {
                day = -1;
                period = UnknownTimePeriod;
                return;
            }

            uint seconds = LocalTime.ToRecordSeconds(clock.UtcNow);
            day = LocalTime.LocalDay(seconds, config.UtcOffsetMinutes);
            period = MealRules.PeriodAt(config, LocalTime.LocalMinuteOfDay(seconds, config.UtcOffsetMinutes));
        }
    }
}
