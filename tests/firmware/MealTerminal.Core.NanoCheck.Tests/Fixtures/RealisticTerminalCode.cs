// Fixture, not compiled by the test project: terminal-style code that nanoFramework 1.x runs.
// The tests compile it against the real nanoFramework mscorlib alone; every construct here must stay accepted.
using System;
using System.Collections;
using System.Diagnostics;
using System.Threading;

namespace Fixture
{
    public enum Verdict { Counted = 0, AlreadyServed = 1, UnknownCard = 2, OutsideMealPeriod = 3 }

    [Flags]
    public enum Signal { None = 0, Beep = 1, GreenLed = 2, RedLed = 4 }

    public interface IRecordSink { bool Append(byte[] record, int offset, int count); }

    public sealed class MealRecord
    {
        public const int Size = 16;
        private static readonly byte[] Magic = new byte[] { 0x4D, 0x45, 0x41, 0x4C };

        public uint CardId;
        public DateTime ServedUtc;
        public Verdict Verdict;

        public void WriteTo(byte[] buffer, int offset)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || offset + Size > buffer.Length) throw new ArgumentOutOfRangeException("offset");
            Array.Copy(Magic, 0, buffer, offset, Magic.Length);
            WriteUInt32(buffer, offset + 4, CardId);
            long seconds = (ServedUtc.Ticks - new DateTime(2024, 1, 1).Ticks) / TimeSpan.TicksPerSecond;
            WriteUInt32(buffer, offset + 8, (uint)seconds);
            buffer[offset + 12] = (byte)Verdict;
            buffer[offset + 15] = Checksum(buffer, offset, 15);
        }

        private static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            for (int i = 0; i < 4; i++)
            {
                buffer[offset + i] = (byte)(value >> (8 * i));
            }
        }

        private static byte Checksum(byte[] data, int offset, int count)
        {
            byte sum = 0;
            for (int i = offset; i < offset + count; i++) sum ^= data[i];
            return sum;
        }
    }

    public sealed class ServedToday : IDisposable
    {
        private readonly ArrayList _cards = new ArrayList();
        private readonly object _gate = new object();
        private DateTime _day;
        private int _served;

        public event EventHandler Changed;

        public int Count { get { return _served; } }

        public Verdict Serve(uint cardId, DateTime nowUtc, out string message)
        {
            DateTime local = nowUtc.AddHours(8);
            lock (_gate)
            {
                if (local.Date != _day) { _cards.Clear(); _day = local.Date; }
                foreach (object seen in _cards)
                {
                    if ((uint)seen == cardId)
                    {
                        message = $"已就餐 {local.Hour:D2}:{local.Minute:D2}";
                        return Verdict.AlreadyServed;
                    }
                }
                _cards.Add(cardId);
                Interlocked.Increment(ref _served);
            }
            var handler = Changed;
            if (handler != null) handler(this, EventArgs.Empty);
            message = "卡号 " + cardId.ToString("X8") + $" 第{_served}份 {Describe(Verdict.Counted)}";
            return Verdict.Counted;
        }

        public static string Describe(Verdict verdict)
        {
            switch (verdict)
            {
                case Verdict.Counted: return "请用餐";
                case Verdict.AlreadyServed: return "今日已领";
                case Verdict.UnknownCard: return "无效卡";
                default: return "不在供餐时间";
            }
        }

        public static int PeriodOf(string name)
        {
            switch (name)
            {
                case "breakfast": return 0;
                case "lunch": return 1;
                case "dinner": return 2;
                default: throw new ArgumentException("unknown meal period", "name");
            }
        }

        public void Dispose() { _cards.Clear(); }
    }

    public static class Uploader
    {
        public static int Drain(IRecordSink sink, byte[] ring, int count, TimeSpan budget, DateTime startUtc)
        {
            int sent = 0;
            DateTime deadline = startUtc + budget;
            try
            {
                while (sent < count && DateTime.UtcNow < deadline)
                {
                    if (!sink.Append(ring, sent * MealRecord.Size, MealRecord.Size)) break;
                    sent++;
                }
            }
            catch (InvalidOperationException e)
            {
                Debug.WriteLine("upload stopped: " + e.Message);
            }
            finally
            {
                Thread.Sleep(0);
            }
            int hex = Convert.ToInt32("1F", 16);
            TimeSpan elapsed = DateTime.UtcNow - startUtc;
            Debug.WriteLine($"sent {sent} in {elapsed.TotalMilliseconds:F0} ms {hex:X2} {BitConverter.ToString(ring, 0, 4)}");
            return sent;
        }
    }
}
