using MealTerminal.Core.Cards;
using MealTerminal.Core.Clock;
using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Voice;

namespace MealTerminal.Core
{
    /// <summary>
    /// The terminal: wires the ledger, roster, meal rules, display and sync over the five ports.
    /// The device's main loop and the simulator call Boot once and then Tick as often as they can;
    /// everything runs on that one thread.
    /// </summary>
    public sealed class Terminal
    {
        private readonly TerminalConfig config;
        private readonly ICardReader reader;
        private readonly IClock clock;
        private readonly IFeedback feedback;
        private readonly StateLog state;
        private readonly IUplink uplink;
        private readonly byte[] uid = new byte[CardKey.MaxUidLength];
        private readonly TapHandler taps;
        private readonly ConfigMarker marker;
        private readonly Screen review = new Screen();
        private int reviewPage = -1;
        private long reviewShownAt;
        private readonly byte[] inbound = new byte[DownloadCodec.MaxChunk + DownloadCodec.ChunkOverhead];
        private uint ackSeen;
        private readonly VoicePrompt prompt = new VoicePrompt();
        private readonly VoiceSettings voiceSettings = new VoiceSettings();

        public Terminal(TerminalConfig config, FlashLayout layout, IFlash flash, ICardReader reader, IClock clock, IFeedback feedback, IUplink uplink)
        {
            this.config = config;
            this.reader = reader;
            this.clock = clock;
            this.feedback = feedback;
            state = new StateLog(flash, layout.StateFirstSector);
            Ledger = new MealLedger(flash, state, layout.LedgerFirstSector, layout.LedgerSectorCount);
            Rosters = new RosterStore(flash, state, layout.RosterFirstSector, layout.RosterSectorsPerSlot);
            Configs = new ConfigStore(flash, state, layout.ConfigFirstSector);
            this.uplink = uplink;
            Sync = new SyncSession(Ledger, uplink, config.TerminalId);
            Time = new TimeSync(uplink, clock);
            Fonts = new FontStore(flash, state, layout.FontFirstSector, layout.FontSectorsPerSlot);
            Downloads = new Downloader(uplink, state, Rosters, Configs, layout.FontSectorsPerSlot > 0 ? Fonts : null); // a chip without font slots ignores font offers
            VoicePacks = new VoicePackStore(flash, state, layout.VoiceFirstSector, layout.VoiceSectorsPerSlot);
            if (layout.VoiceSectorsPerSlot > 0)
            {
                Downloads.Register(DownloadCodec.KindVoicePack, VoicePacks);
            }
            Heartbeat = new StatusReporter(uplink, clock, Ledger, Rosters, config, Sync);
            Today = new DayCounts();
            taps = new TapHandler(config, clock, Ledger, Rosters, Today, layout.MaxRosterEntries);
            marker = new ConfigMarker(Ledger, clock);
            Voice = new SilentVoice();
        }

        /// <summary>Recorded clips for the voice (empty on a layout without voice slots).</summary>
        public VoicePackStore VoicePacks { get; private set; }

        /// <summary>The voice port: silent until the device or simulator sets its adapter, before Boot.</summary>
        public IVoice Voice { get; set; }

        public MealLedger Ledger { get; private set; }

        public RosterStore Rosters { get; private set; }

        /// <summary>The font image for the colour display (slots of 0 sectors on a chip too small for one: nothing installs).</summary>
        public FontStore Fonts { get; private set; }

        public SyncSession Sync { get; private set; }

        /// <summary>Configuration images from the gateway; the active one overrides the built-in settings.</summary>
        public ConfigStore Configs { get; private set; }

        /// <summary>Sets the clock from the gateway's answers.</summary>
        public TimeSync Time { get; private set; }

        /// <summary>Fetches newer rosters and configurations the gateway offers.</summary>
        public Downloader Downloads { get; private set; }

        /// <summary>The heartbeat; the device feeds signal strength and reader health into Heartbeat.Status.</summary>
        public StatusReporter Heartbeat { get; private set; }

        /// <summary>The delivery round of a terminal in delivery mode (courier card opens and closes it).</summary>
        public DeliveryRounds Rounds
        {
            get { return taps.Rounds; }
        }

        /// <summary>Today's counts for the host review screen.</summary>
        public DayCounts Today { get; private set; }

        public int BootCount { get; private set; }

        /// <summary>When the gateway last acknowledged records (seconds since 2020, 0 = never); kept across reboots.</summary>
        public uint LastSyncSeconds { get; private set; }

        public TerminalConfig Config
        {
            get { return config; }
        }

        /// <summary>The screen shown for the last tap.</summary>
        public Screen LastScreen
        {
            get { return taps.Screen; }
        }

        /// <summary>Mounts state, ledger and roster, counts the boot, rebuilds who ate this period.</summary>
        public void Boot()
        {
            state.Mount();
            BootCount = (int)(state.Get(StateLog.KeyBootCount, 0) + 1);
            state.Set(StateLog.KeyBootCount, (uint)BootCount);
            Heartbeat.Status.BootCount = (uint)BootCount;
            Time.BootCount = BootCount;
            Configs.Mount();
            if (Configs.InstalledVersion != 0)
            {
                config.Apply(Configs.Active);
                voiceSettings.Apply(Configs.Active.Extensions);
            }

            Ledger.EpochSalt = ((uint)BootCount << 16) ^ (uint)clock.MillisecondsSinceBoot;
            Ledger.Mount();
            marker.Mount(config.ConfigVersion, Configs.SlotLost, BootCount);
            marker.Announce(config.ConfigVersion);
            Rosters.Mount();
            VoicePacks.Mount();
            Fonts.Mount();
            taps.RebuildAtBoot(BootCount); // who-ate, today's counts and the delivery round: one pass over the ledger's newest sectors
            LastSyncSeconds = state.Get(StateLog.KeyLastSync, 0);
            ackSeen = Ledger.AcknowledgedSequence;
        }

        /// <summary>
        /// Shows the host review (host card or host button): the first page, or the next one when
        /// the review is already on screen (within 30 s).
        /// </summary>
        public void ShowHostReview()
        {
            long now = clock.MillisecondsSinceBoot;
            reviewPage = reviewPage >= 0 && now - reviewShownAt < 30000 ? (reviewPage + 1) % HostReview.PageCount : 0;
            reviewShownAt = now;
            HostReview.Render(review, reviewPage, config, Today, Ledger, LastSyncSeconds, Sync.IdentityConflict);
            if (reviewPage == HostReview.AbsentPage && clock.IsWallClockValid)
            {
                HostReview.Absent(review, AbsentToday(), config);
            }

            feedback.Show(review);
            VerdictPrompts.ForHostReview(prompt, reviewPage, MealsToday(), Sync.IdentityConflict);
            Speak();
        }

        /// <summary>
        /// Today's welfare check from this terminal's ledger (AbsentList), drawn up now; null while the
        /// wall clock is unknown. Reads the ledger back over the window: for the host, not the tap path.
        /// </summary>
        public AbsentList AbsentToday()
        {
            if (!clock.IsWallClockValid)
            {
                return null;
            }

            uint seconds = LocalTime.ToRecordSeconds(clock.UtcNow);
            AbsentList list = new AbsentList();
            list.Compute(Ledger, config, Rosters.Active, LocalTime.LocalDay(seconds, config.UtcOffsetMinutes),
                LocalTime.LocalMinuteOfDay(seconds, config.UtcOffsetMinutes));
            return list;
        }

        /// <summary>One pass of the main loop: poll the card reader once, then let sync work.</summary>
        public void Tick()
        {
            marker.Announce(config.ConfigVersion); // a marker storage-full kept out goes in before the next tap
            Voice.Tick();
            int length;
            CardReadStatus status = reader.Poll(uid, out length);
            if (status != CardReadStatus.NoCard)
            {
                if (taps.Handle(status, uid, length))
                {
                    if (taps.HostCardTapped)
                    {
                        ShowHostReview();
                    }
                    else
                    {
                        reviewPage = -1;
                        feedback.Show(taps.Screen);
                        VerdictPrompts.ForTap(prompt, taps.Screen.Verdict, taps.PayFen);
                        Speak();
                    }
                }
            }

            long now = clock.MillisecondsSinceBoot;
            Route(now);
            Time.Tick(now);
            taps.Track();
            taps.AnchorClock();
            Sync.Step(now);
            Downloads.Tick(now);
            if (Configs.InstalledVersion != 0 && Configs.InstalledVersion != config.ConfigVersion)
            {
                ApplyDownloadedConfig();
            }

            Heartbeat.Tick(now);
            if (Ledger.AcknowledgedSequence != ackSeen)
            {
                ackSeen = Ledger.AcknowledgedSequence;
                if (clock.IsWallClockValid)
                {
                    LastSyncSeconds = LocalTime.ToRecordSeconds(clock.UtcNow);
                    state.Set(StateLog.KeyLastSync, LastSyncSeconds);
                }
            }
        }

        /// <summary>Hands each queued inbound message to the part that owns its channel.</summary>
        private void Route(long now)
        {
            int channel;
            int length;
            while ((length = uplink.TryReceive(inbound, out channel)) >= 0)
            {
                if (channel == UplinkChannel.Ack)
                {
                    Sync.OnAck(inbound, length, now);
                }
                else if (channel == UplinkChannel.Time)
                {
                    Time.OnAnswer(inbound, length, now);
                }
                else if (channel == UplinkChannel.RosterOffer || channel == UplinkChannel.ConfigOffer || channel == UplinkChannel.VoiceOffer
                    || channel == UplinkChannel.FontOffer)
                {
                    Downloads.OnOffer(inbound, length);
                }
                else if (channel == UplinkChannel.Chunk)
                {
                    Downloads.OnChunk(inbound, length, now);
                }
            }
        }

        private int MealsToday()
        {
            int total = 0;
            for (int p = 0; p < config.Periods.Length; p++)
            {
                total += Today.MealsInPeriod(p);
            }

            return total;
        }

        /// <summary>Hands the prompt to the voice unless it is silent hours (the screen and the beep still tell).</summary>
        private void Speak()
        {
            if (voiceSettings.Volume == 0 || (clock.IsWallClockValid
                && voiceSettings.IsSilentAt(LocalTime.LocalMinuteOfDay(LocalTime.ToRecordSeconds(clock.UtcNow), config.UtcOffsetMinutes))))
            {
                return;
            }

            prompt.Volume = voiceSettings.Volume;
            Voice.Say(prompt);
            Voice.Tick(); // the first audio goes out now, not after sync has had its turn
        }

        private void ApplyDownloadedConfig()
        {
            config.Apply(Configs.Active);
            voiceSettings.Apply(Configs.Active.Extensions);
            marker.Announce(config.ConfigVersion); // before any record decided with it (docs/formats.md)
            if (clock.IsWallClockValid)
            {
                taps.Rebuild(BootCount); // periods or the UTC offset may have moved: recount who ate from the ledger
            }
        }
    }
}
