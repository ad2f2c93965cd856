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
        /// <summary>Period stored in records made while the wall clock is unknown (docs/formats.md).</summary>
        private const int UnknownTimePeriod = 0x0E;

        /// <summary>Who-ate table size: 1,536 different elders per period before counting falls back to the ledger.</summary>
        private const int WhoAteSize = 2048;

        private readonly TerminalConfig config;
        private readonly IClock clock;
        private readonly MealLedger ledger;
        private readonly RosterStore rosters;
        private readonly DayCounts today;
        private readonly WhoAte whoAte;
        private readonly MealHistory history;
        private readonly RosterEntry entry = new RosterEntry();
        private readonly MealRecord record = new MealRecord();
        private readonly byte[] key = new byte[CardKey.Size];
        private readonly byte[] lastKey = new byte[CardKey.Size];
        private long lastTapAt = long.MinValue / 2;
        private int bootCount;
        private bool recordedWithoutClock;
        private bool anchorTaken;
        private uint anchorWallSeconds;
        private uint anchorBootSeconds;

        public TapHandler(TerminalConfig config, IClock clock, MealLedger ledger, RosterStore rosters, DayCounts today, int maxElders)
        {
            this.config = config;
            this.clock = clock;
            this.ledger = ledger;
            this.rosters = rosters;
            this.today = today;
            whoAte = new WhoAte(maxElders < WhoAteSize ? maxElders : WhoAteSize);
            history = new MealHistory(config, ledger);
            Rounds = new DeliveryRounds(ledger, clock);
            Screen = new Screen();
        }

        public Screen Screen { get; private set; }

        /// <summary>What the elder pays for the last tap's meal, in fen; Voice.VerdictPrompts.NoAmount when the screen shows no amount.</summary>
        public int PayFen { get; private set; }

        /// <summary>The delivery round, when the configuration puts the terminal in delivery mode.</summary>
        public DeliveryRounds Rounds { get; private set; }

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
            PayFen = Voice.VerdictPrompts.NoAmount;
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

        /// <summary>Rebuilds who-ate for the current (day, period) and today's counts from the ledger.</summary>
        public void Rebuild(int currentBoot)
        {
            Rebuild(currentBoot, false);
        }

        /// <summary>At boot: Rebuild, and the delivery round mounted in the same pass over the ledger's newest window.</summary>
        public void RebuildAtBoot(int currentBoot)
        {
            Rebuild(currentBoot, true);
        }

        private void Rebuild(int currentBoot, bool mountRounds)
        {
            bootCount = currentBoot;
            history.SetBoot(currentBoot);
            int day;
            int period;
            CurrentPeriod(out day, out period);
            if (mountRounds)
            {
                Rounds.BeginMount(currentBoot);
            }

            history.Recount(day, period, whoAte, today, mountRounds ? Rounds : null);
        }

        /// <summary>
        /// Called from the main loop: when the (day, period) has changed - time passing, the clock
        /// set forward or back, the clock becoming valid - who-ate is rebuilt from the ledger now,
        /// so the next tap does not wait for it.
        /// </summary>
        public void Track()
        {
            int day;
            int period;
            CurrentPeriod(out day, out period);
            EnsureCurrent(day, period);
        }

        private void EnsureCurrent(int day, int period)
        {
            if (!whoAte.IsCurrent(day, period))
            {
                history.Recount(day, period, whoAte, today);
            }
        }

        private void Decide(long now)
        {
            int day;
            int period;
            CurrentPeriod(out day, out period);
            EnsureCurrent(day, period);

            RosterSlot roster = rosters.Active;
            bool found = roster != null && roster.TryFind(key, 0, entry);
            if (found && entry.Status == CardStatus.HostCard)
            {
                HostCardTapped = true; // not a meal and not recorded
                return;
            }

            bool delivery = DeliverySettings.IsDelivery(config.Extensions);
            if (found && entry.Status == CardStatus.Courier)
            {
                CourierTapped(delivery);
                return;
            }

            if (delivery && !Rounds.IsOpen)
            {
                DeliveryScreens.NoRound(Screen); // not recorded: the courier opens the round first
                return;
            }

            int bootMinute = (int)(now / 60000);
            int periodIndex = period == UnknownTimePeriod ? 0 : period;
            int limit = period >= 0 && period < config.Periods.Length ? config.Periods[period].LimitPerElder : 1;
            int eaten = found ? MealsCounted(day, period, bootMinute) : 0;
            int verdict = MealRules.Decide(found, entry, day, period < 0 ? -1 : periodIndex, limit, eaten);

            FillRecord(verdict, found, period, now);
            record.AtDoor = delivery;
            record.Unregistered = delivery && found && !entry.DeliveryRegistered;
            bool stored = ledger.Append(record);
            if (VerdictCode.IsMeal(verdict))
            {
                if (!stored)
                {
                    verdict = VerdictCode.StorageFull;
                }
                else
                {
                    if (delivery)
                    {
                        Rounds.CountDelivery();
                    }

                    if (day < 0)
                    {
                        whoAte.MarkMealAt(entry.ElderId, bootMinute);
                    }
                    else
                    {
                        whoAte.Add(entry.ElderId);
                    }

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
            if (found)
            {
                VerdictScreens.SetName(Screen, entry.Name, entry.NameLength);
            }
            string pay = VerdictCode.IsMeal(verdict) && period != UnknownTimePeriod ? config.Prices.PayText(period, entry.Category) : string.Empty;
            if (pay.Length > 0)
            {
                Screen.Line4 = pay;
                PayFen = config.Prices.PriceFen(period, entry.Category) - config.Prices.SubsidyFen(period, entry.Category);
            }

            if (delivery)
            {
                DeliveryScreens.MarkDelivered(Screen, record.Unregistered);
            }
        }

        /// <summary>A courier's card: opens or closes the round on a delivery terminal; elsewhere only says what it is.</summary>
        private void CourierTapped(bool delivery)
        {
            if (!delivery)
            {
                DeliveryScreens.CourierAtCanteen(Screen);
                return;
            }

            if (!Rounds.CourierTapped(entry.ElderId))
            {
                VerdictScreens.Render(Screen, VerdictCode.StorageFull, string.Empty, string.Empty);
                return;
            }

            if (!clock.IsWallClockValid)
            {
                recordedWithoutClock = true; // the marker needs the boot's clock anchor like any record
            }

            if (Rounds.IsOpen)
            {
                DeliveryScreens.RoundStarted(Screen, entry.ElderId);
            }
            else
            {
                DeliveryScreens.RoundEnded(Screen, Rounds.Delivered);
            }
        }

        /// <summary>
        /// The elder's meals that count against this tap: in a real period the meals of (day, period);
        /// without a clock 1 when the elder's last meal in this boot is less than the clockless gap
        /// ago (MealRules.ClocklessGapMinutes), else 0. From the ledger when who-ate is full.
        /// </summary>
        private int MealsCounted(int day, int period, int bootMinute)
        {
            if (day >= 0)
            {
                int count = whoAte.CountOf(entry.ElderId);
                return count != WhoAte.Unknown ? count : history.CountOf(entry.ElderId, day, period);
            }

            int last = whoAte.LastMealMinuteOf(entry.ElderId);
            if (last == WhoAte.Unknown)
            {
                last = history.LastClocklessMealMinuteOf(entry.ElderId);
            }

            return MealRules.ClocklessGapAllows(last, bootMinute, MealRules.ClocklessGapMinutes(config)) ? 0 : 1;
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

            TakeAnchor();
            record.Verdict = VerdictCode.ClockSet;
            record.Period = MealRecord.NoPeriod;
            record.Category = 0;
            record.ElderId = anchorBootSeconds;
            record.BootCount = bootCount;
            record.ClockValid = true;
            record.Time = anchorWallSeconds;
            record.AtDoor = false;
            record.Unregistered = false;
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

        /// <summary>
        /// Ties this boot's time to wall time the first moment the clock is seen valid: the clock
        /// anchor written to the ledger and the placement of this boot's clockless meals both use
        /// that one moment, so the terminal and the gateway place them alike even if the clock
        /// moves again later in the boot.
        /// </summary>
        private void TakeAnchor()
        {
            if (anchorTaken)
            {
                return;
            }

            anchorTaken = true;
            anchorBootSeconds = (uint)((clock.MillisecondsSinceBoot / 1000) & RecordCodec.MaxElderId);
            anchorWallSeconds = LocalTime.ToRecordSeconds(clock.UtcNow);
            history.AnchorBoot(anchorWallSeconds, anchorBootSeconds);
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

            TakeAnchor();

            uint seconds = LocalTime.ToRecordSeconds(clock.UtcNow);
            day = LocalTime.LocalDay(seconds, config.UtcOffsetMinutes);
            period = MealRules.PeriodAt(config, LocalTime.LocalMinuteOfDay(seconds, config.UtcOffsetMinutes));
        }
    }
}
