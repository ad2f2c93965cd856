using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Fetches the roster and the configuration when the gateway offers a newer version than the one
    /// installed: one chunk at a time, each checked by its CRC, written straight into the target's
    /// spare slot. Progress (kind, version, image CRC, bytes done) is kept in the state log at every
    /// flash sector, so after a reboot the download resumes from the last whole sector. The target
    /// checks the image's CRC before it switches, in one state-log write. A new offer while a
    /// download runs replaces it. The configuration goes first: it is small and says how to count;
    /// the voice pack and the font image (1.8 MB) last, since a terminal works without them.
    /// </summary>
    public sealed class Downloader
    {
        public const long FetchTimeoutMilliseconds = 5000;
        public const long RetryAfterFailureMilliseconds = 60000;

        private readonly IUplink uplink;
        private readonly StateLog state;
        private readonly IDownloadTarget[] targets = new IDownloadTarget[DownloadCodec.MaxKind + 1];
        private readonly DownloadOffer[] offers = new DownloadOffer[DownloadCodec.MaxKind + 1];
        private readonly bool[] offered = new bool[DownloadCodec.MaxKind + 1];
        private readonly long[] notBefore = new long[DownloadCodec.MaxKind + 1];
        private readonly DownloadOffer decoded = new DownloadOffer();
        private readonly DownloadOffer current = new DownloadOffer();
        private readonly byte[] fetch = new byte[DownloadCodec.FetchSize];
        private bool running;
        private int offset;
        private long fetchSentAt = -1;

        public Downloader(IUplink uplink, StateLog state, IDownloadTarget roster, IDownloadTarget config)
            : this(uplink, state, roster, config, null)
        {
        }

        /// <summary>With a font store (null: font offers are ignored, as on a chip without font slots).</summary>
        public Downloader(IUplink uplink, StateLog state, IDownloadTarget roster, IDownloadTarget config, IDownloadTarget fonts)
        {
            this.uplink = uplink;
            this.state = state;
            for (int kind = 1; kind <= DownloadCodec.MaxKind; kind++)
            {
                offers[kind] = new DownloadOffer();
            }

            targets[DownloadCodec.KindRoster] = roster;
            targets[DownloadCodec.KindConfig] = config;
            targets[DownloadCodec.KindFont] = fonts;
        }

        /// <summary>Adds a target for another kind (the voice pack); offers of a kind without a target are ignored.</summary>
        public void Register(int kind, IDownloadTarget target)
        {
            targets[kind] = target;
        }

        /// <summary>Kind of the download in progress, 0 when none.</summary>
        public int ActiveKind
        {
            get { return running ? current.Kind : 0; }
        }

        /// <summary>Bytes of the download in progress received so far.</summary>
        public int BytesDone
        {
            get { return running ? offset : 0; }
        }

        public int Installs { get; private set; }

        public int Resumes { get; private set; }

        /// <summary>Images that failed their final check, or could not fit this terminal.</summary>
        public int Failures { get; private set; }

        /// <summary>Offers and chunks refused: malformed, or not for the fetch outstanding.</summary>
        public int MessagesRefused { get; private set; }

        public int FetchesSent { get; private set; }

        public void OnOffer(byte[] payload, int length)
        {
            if (!DownloadCodec.TryDecodeOffer(payload, length, decoded))
            {
                MessagesRefused++;
                return;
            }

            int kind = decoded.Kind;
            if (targets[kind] == null)
            {
                return; // this terminal keeps no such image (no voice pack or font slots)
            }

            bool same = offered[kind] && offers[kind].Version == decoded.Version && offers[kind].ImageCrc == decoded.ImageCrc;
            offers[kind].CopyFrom(decoded);
            offered[kind] = decoded.Version > targets[kind].InstalledVersion;
            if (!same)
            {
                notBefore[kind] = 0;
            }

            if (running && current.Kind == kind && (current.Version != decoded.Version || current.ImageCrc != decoded.ImageCrc))
            {
                running = false; // the gateway moved on: start again from the new offer
            }
        }

        public void OnChunk(byte[] payload, int length, long now)
        {
            int kind;
            int status;
            uint version;
            int at;
            int count;
            if (!DownloadCodec.TryDecodeChunk(payload, length, out kind, out status, out version, out at, out count))
            {
                MessagesRefused++;
                fetchSentAt = -1; // corrupted on the way: ask for it again now
                return;
            }

            if (!running || targets[kind] == null || kind != current.Kind || version != current.Version || at != offset)
            {
                MessagesRefused++; // a duplicate or an answer to an earlier fetch
                return;
            }

            if (status != DownloadCodec.StatusOk || count > current.Size - offset)
            {
                running = false; // the gateway no longer offers this version (or refused the range): wait for its next offer
                offered[kind] = false;
                return;
            }

            targets[kind].WriteChunk(offset, payload, DownloadCodec.ChunkHeaderSize, count);
            offset += count;
            fetchSentAt = -1;
            if (offset == current.Size)
            {
                Finish(now);
            }
            else if (offset % targets[kind].ResumeGranularity == 0)
            {
                state.Set(StateLog.KeyDownloadDone, (uint)offset);
            }
        }

        public void Tick(long now)
        {
            if (!running)
            {
                int kind = Ready(SavedKind(), now) ? SavedKind() // a download cut short by a reboot goes on first, so its progress is not overwritten
                    : Ready(DownloadCodec.KindConfig, now) ? DownloadCodec.KindConfig
                    : Ready(DownloadCodec.KindRoster, now) ? DownloadCodec.KindRoster
                    : Ready(DownloadCodec.KindVoicePack, now) ? DownloadCodec.KindVoicePack // the voice and the font last: they are the largest and count nothing
                    : Ready(DownloadCodec.KindFont, now) ? DownloadCodec.KindFont : 0;
                if (kind == 0 || !Start(kind, now))
                {
                    return;
                }
            }

            if (!uplink.IsConnected || (fetchSentAt >= 0 && now - fetchSentAt < FetchTimeoutMilliseconds))
            {
                return;
            }

            int count = current.Size - offset;
            int toSectorEnd = targets[current.Kind].ResumeGranularity - (offset % targets[current.Kind].ResumeGranularity);
            count = count < toSectorEnd ? count : toSectorEnd; // chunks never straddle a sector, so progress lands on sector ends
            count = count < current.ChunkSize ? count : current.ChunkSize;
            int length = DownloadCodec.EncodeFetch(fetch, current.Kind, current.Version, offset, count);
            if (uplink.Publish(UplinkChannel.Fetch, fetch, 0, length))
            {
                fetchSentAt = now;
                FetchesSent++;
            }
        }

        private bool Ready(int kind, long now)
        {
            return DownloadCodec.IsKind(kind) && targets[kind] != null && offered[kind] && now >= notBefore[kind];
        }

        /// <summary>The kind whose progress the state log holds for the version now offered, or 0.</summary>
        private int SavedKind()
        {
            uint kind = state.Get(StateLog.KeyDownloadKind, 0);
            return kind <= DownloadCodec.MaxKind && DownloadCodec.IsKind((int)kind) && targets[kind] != null && state.Get(StateLog.KeyDownloadDone, 0) > 0
                && state.Get(StateLog.KeyDownloadVersion, 0) == offers[kind].Version ? (int)kind : 0;
        }

        private bool Start(int kind, long now)
        {
            DownloadOffer offer = offers[kind];
            IDownloadTarget target = targets[kind];
            current.CopyFrom(offer);
            uint done = state.Get(StateLog.KeyDownloadDone, 0);
            if (state.Get(StateLog.KeyDownloadKind, 0) == (uint)kind && state.Get(StateLog.KeyDownloadVersion, 0) == offer.Version
                && state.Get(StateLog.KeyDownloadCrc, 0) == offer.ImageCrc && done > 0 && done < (uint)offer.Size
                && done % (uint)target.ResumeGranularity == 0)
            {
                target.ResumeInstall(offer.Size, (int)done);
                offset = (int)done;
                Resumes++;
            }
            else
            {
                if (!target.BeginInstall(offer.Size))
                {
                    offered[kind] = false; // it cannot fit this terminal; wait for another offer
                    Failures++;
                    return false;
                }

                offset = 0;
                state.Set(StateLog.KeyDownloadDone, 0);
                state.Set(StateLog.KeyDownloadKind, (uint)kind);
                state.Set(StateLog.KeyDownloadVersion, offer.Version);
                state.Set(StateLog.KeyDownloadCrc, offer.ImageCrc);
            }

            running = true;
            fetchSentAt = -1;
            return true;
        }

        private void Finish(long now)
        {
            int kind = current.Kind;
            running = false;
            bool ok = targets[kind].CommitInstall(current.ImageCrc);
            state.Set(StateLog.KeyDownloadDone, 0);
            if (!ok)
            {
                Failures++;
                notBefore[kind] = now + RetryAfterFailureMilliseconds; // fetch it whole again later
                return;
            }

            offered[kind] = offers[kind].Version > targets[kind].InstalledVersion;
            Installs++;
        }
    }
}
