using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>The upload batch and acknowledgement codecs: round trips, and the CRC catching damage.</summary>
    internal static class CodecChecks
    {
        private const string Terminal = "T-SELF";
        private const uint FirstSequence = 70000;
        private const uint Epoch = 0x5EED1234;

        /// <summary>Encodes known-card and unknown-card records, decodes them, compares every field.</summary>
        public static string BatchRoundTrip()
        {
            byte[] batch = new byte[RecordBatchCodec.MaxBatchSize(Terminal)];
            int length = Encode(batch);
            if (!CrcHolds(batch, length))
            {
                return "CRC of a fresh batch does not check";
            }

            int at = 0;
            if (batch[at++] != RecordBatchCodec.FormatVersion || batch[at++] != Terminal.Length)
            {
                return "header version or terminal id length differ";
            }

            for (int i = 0; i < Terminal.Length; i++)
            {
                if (batch[at++] != (byte)Terminal[i])
                {
                    return "terminal id differs at " + i.ToString();
                }
            }

            if (LittleEndian.ReadUInt32(batch, at) != Epoch || LittleEndian.ReadUInt32(batch, at + 4) != FirstSequence
                || LittleEndian.ReadUInt16(batch, at + 8) != 3)
            {
                return "epoch, first sequence or count differ";
            }

            at += 10;
            MealRecord expected = new MealRecord();
            MealRecord actual = new MealRecord();
            for (int i = 0; i < 3; i++)
            {
                Sample(i, expected);
                at = RecordBatchCodec.ReadRecord(batch, at, length - 4, actual);
                if (at < 0)
                {
                    return "record " + i.ToString() + " ran past the end";
                }

                string problem = Compare(expected, actual);
                if (problem != null)
                {
                    return "record " + i.ToString() + ": " + problem;
                }
            }

            return at == length - 4 ? null : "bytes left over after the last record";
        }

        /// <summary>Every single-bit flip of a batch and of an acknowledgement is caught by its CRC.</summary>
        public static string CrcCatchesDamage()
        {
            byte[] batch = new byte[RecordBatchCodec.MaxBatchSize(Terminal)];
            int length = Encode(batch);
            for (int bit = 0; bit < length * 8; bit++)
            {
                batch[bit / 8] ^= (byte)(1 << (bit % 8));
                bool holds = CrcHolds(batch, length);
                batch[bit / 8] ^= (byte)(1 << (bit % 8));
                if (holds)
                {
                    return "batch CRC missed a flip of bit " + bit.ToString();
                }
            }

            byte[] ack = new byte[AckCodec.Size];
            int ackLength = AckCodec.Encode(ack, 0, FirstSequence + 2, Epoch);
            int status;
            uint acknowledged;
            uint epoch;
            if (!AckCodec.TryDecode(ack, ackLength, out status, out acknowledged, out epoch) || status != 0
                || acknowledged != FirstSequence + 2 || epoch != Epoch)
            {
                return "acknowledgement did not round-trip";
            }

            for (int bit = 0; bit < ackLength * 8; bit++)
            {
                ack[bit / 8] ^= (byte)(1 << (bit % 8));
                bool accepted = AckCodec.TryDecode(ack, ackLength, out status, out acknowledged, out epoch);
                ack[bit / 8] ^= (byte)(1 << (bit % 8));
                if (accepted)
                {
                    return "damaged acknowledgement accepted (bit " + bit.ToString() + ")";
                }
            }

            return null;
        }

        private static int Encode(byte[] batch)
        {
            int at = RecordBatchCodec.WriteHeader(batch, Terminal, Epoch, FirstSequence, 3);
            MealRecord record = new MealRecord();
            for (int i = 0; i < 3; i++)
            {
                Sample(i, record);
                at = RecordBatchCodec.WriteRecord(batch, at, record);
            }

            return RecordBatchCodec.Finish(batch, at);
        }

        private static bool CrcHolds(byte[] batch, int length)
        {
            return Crc32.Compute(batch, 0, length - 4) == LittleEndian.ReadUInt32(batch, length - 4);
        }

        /// <summary>Two roster elders (one with an unset clock) and one unknown card.</summary>
        private static void Sample(int i, MealRecord record)
        {
            record.Sequence = FirstSequence + (uint)i;
            record.Verdict = i == 2 ? VerdictCode.UnknownCard : VerdictCode.Accepted;
            record.Period = i == 1 ? 0x0E : 1;
            record.Category = i == 2 ? 0 : 3 + i;
            record.ClockValid = i != 1;
            record.BootCount = 41 + i;
            record.ElderId = i == 2 ? 0 : (uint)(880000 + i);
            record.Time = (uint)(220000000 + (i * 61));
            for (int k = 0; k < record.CardKey.Length; k++)
            {
                record.CardKey[k] = i == 2 ? (byte)(0x40 + k) : (byte)0;
            }
        }

        private static string Compare(MealRecord a, MealRecord b)
        {
            if (a.Verdict != b.Verdict || a.Period != b.Period || a.Category != b.Category || a.ClockValid != b.ClockValid)
            {
                return "verdict, period, category or clock flag differ";
            }

            if (a.BootCount != b.BootCount || a.ElderId != b.ElderId || a.Time != b.Time)
            {
                return "boot count, elder or time differ";
            }

            for (int k = 0; k < a.CardKey.Length; k++)
            {
                if (a.CardKey[k] != b.CardKey[k])
                {
                    return "card key differs at byte " + k.ToString();
                }
            }

            return null;
        }
    }
}
