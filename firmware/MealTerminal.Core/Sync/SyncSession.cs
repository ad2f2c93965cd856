using MealTerminal.Core.Ledger;

namespace MealTerminal.Core.Sync
{
    /// <summary>
    /// Uploads the ledger from the upload cursor and advances the cursor only on the gateway's
    /// acknowledgement (never on MQTT's PUBACK alone). One batch is in flight at a time; it is sent
    /// again after a reconnect, a reboot or a silence longer than the resend interval. A record the
    /// ledger holds but cannot read back, after ReadAttempts reads, is sent as a gap record.
    /// An acknowledgement counts only for this ledger's epoch. When the gateway refuses the ledger as
    /// an identity conflict, or acknowledges sequences this ledger never wrote, nothing is dropped:
    /// the records stay pending, the batch goes again only every ConflictResendMilliseconds (so an
    /// operator's acceptance is picked up) and IdentityConflict is shown until a stored ack ends it.
    /// </summary>
    public sealed class SyncSession
    {
        /// <summary>Reads of one record before it counts as unreadable: a disturbed SPI read is not a lost record.</summary>
        public const int ReadAttempts = 3;

        private readonly MealLedger ledger;
        private readonly IUplink uplink;
        private readonly string terminalId;
        private readonly byte[] sendBuffer;
        private readonly byte[] receiveBuffer = new byte[AckCodec.Size + 64];
        private readonly MealRecord scratch = new MealRecord();
        private uint inFlightUpTo;
        private long inFlightSince;
        private bool wasConnected;

        public SyncSession(MealLedger ledger, IUplink uplink, string terminalId)
        {
            this.ledger = ledger;
            this.uplink = uplink;
            this.terminalId = terminalId;
            sendBuffer = new byte[RecordBatchCodec.MaxBatchSize(terminalId)];
            ResendAfterMilliseconds = 10000;
            ConflictResendMilliseconds = 600000;
            LastAcknowledgedAt = -1;
        }

        public long ResendAfterMilliseconds { get; set; }

        /// <summary>How often the batch is sent while the gateway reports an identity conflict.</summary>
        public long ConflictResendMilliseconds { get; set; }

        /// <summary>Milliseconds-since-boot of the last acknowledgement that moved the cursor, or -1.</summary>
        public long LastAcknowledgedAt { get; private set; }

        public int BatchesSent { get; private set; }

        public int MalformedAcks { get; private set; }

        /// <summary>Sequences sent as gap records because the ledger could not read them back (each time sent).</summary>
        public int GapsSent { get; private set; }

        /// <summary>The gateway refused this ledger's identity, or acknowledged beyond it: shown until resolved.</summary>
        public bool IdentityConflict { get; private set; }

        /// <summary>Acknowledgements for another ledger epoch, ignored.</summary>
        public int ForeignAcks { get; private set; }

        /// <summary>
        /// For an uploader that owns its uplink alone (the load bench): drains every inbound message,
        /// takes the acknowledgements, then sends. The terminal routes inbound messages itself and calls Step.
        /// </summary>
        public void Tick(long nowMilliseconds)
        {
            int channel;
            int length;
            while ((length = uplink.TryReceive(receiveBuffer, out channel)) >= 0)
            {
                if (channel == UplinkChannel.Ack)
                {
                    OnAck(receiveBuffer, length, nowMilliseconds);
                }
            }

            Step(nowMilliseconds);
        }

        /// <summary>Sends the next batch if one is due.</summary>
        public void Step(long nowMilliseconds)
        {
            bool connected = uplink.IsConnected;
            if (connected && !wasConnected)
            {
                inFlightUpTo = 0; // resend from the cursor after every reconnect
            }

            wasConnected = connected;
            if (!connected || ledger.PendingCount == 0)
            {
                return;
            }

            if (IdentityConflict && BatchesSent > 0 && nowMilliseconds - inFlightSince < ConflictResendMilliseconds)
            {
                return;
            }

            bool idle = inFlightUpTo <= ledger.AcknowledgedSequence;
            if (!idle && nowMilliseconds - inFlightSince < ResendAfterMilliseconds)
            {
                return;
            }

            SendFromCursor(nowMilliseconds);
        }

        /// <summary>Takes an acknowledgement from the ack channel.</summary>
        public void OnAck(byte[] payload, int length, long now)
        {
            int status;
            uint acknowledged;
            uint epoch;
            if (!AckCodec.TryDecode(payload, length, out status, out acknowledged, out epoch))
            {
                MalformedAcks++;
                return;
            }

            if (status == AckCodec.StatusIdentityConflict)
            {
                IdentityConflict = true;
                return;
            }

            if (epoch != ledger.Epoch)
            {
                ForeignAcks++;
                return;
            }

            if (acknowledged >= ledger.NextSequence)
            {
                IdentityConflict = true; // the gateway holds sequences this ledger never wrote
                return;
            }

            if (status == AckCodec.StatusStored)
            {
                IdentityConflict = false;
            }

            uint before = ledger.AcknowledgedSequence;
            ledger.Acknowledge(acknowledged);
            if (ledger.AcknowledgedSequence != before)
            {
                LastAcknowledgedAt = now;
            }

            if (acknowledged < inFlightUpTo && acknowledged == before)
            {
                inFlightUpTo = 0; // the gateway has a gap: resend from the cursor now
            }
        }

        private void SendFromCursor(long now)
        {
            uint first = ledger.AcknowledgedSequence + 1;
            if (first < ledger.OldestSequence)
            {
                first = ledger.OldestSequence;
            }

            int count = 0;
            int at = RecordBatchCodec.HeaderSize(terminalId);
            uint sequence = first;
            while (sequence < ledger.NextSequence && count < RecordBatchCodec.MaxRecordsPerBatch)
            {
                if (TryRead(sequence))
                {
                    at = RecordBatchCodec.WriteRecord(sendBuffer, at, scratch);
                }
                else
                {
                    // Stored but unreadable (rotted, or torn and read whole only once): an explicit gap
                    // the gateway records, so the cursor can pass it and the ring drains.
                    at = RecordBatchCodec.WriteGap(sendBuffer, at);
                    GapsSent++;
                }

                count++;
                sequence++;
            }

            if (count == 0)
            {
                return;
            }

            RecordBatchCodec.WriteHeader(sendBuffer, terminalId, ledger.Epoch, first, count);
            int length = RecordBatchCodec.Finish(sendBuffer, at);
            if (uplink.Publish(UplinkChannel.Records, sendBuffer, 0, length))
            {
                inFlightUpTo = first + (uint)count - 1;
                inFlightSince = now;
                BatchesSent++;
            }
        }

        private bool TryRead(uint sequence)
        {
            for (int attempt = 0; attempt < ReadAttempts; attempt++)
            {
                if (ledger.TryRead(sequence, scratch))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
