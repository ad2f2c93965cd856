using System;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Clock;
using MealTerminal.Core.Display;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>A clock the self-test sets by hand.</summary>
    internal sealed class BenchClock : IClock
    {
        public DateTime Utc;
        public long Milliseconds;

        public bool IsWallClockValid
        {
            get { return true; }
        }

        public DateTime UtcNow
        {
            get { return Utc; }
        }

        public long MillisecondsSinceBoot
        {
            get { return Milliseconds; }
        }

        public void SetUtc(DateTime utc)
        {
            Utc = utc;
        }

        public void Advance(int seconds)
        {
            Utc = Utc.AddSeconds(seconds);
            Milliseconds += seconds * 1000L;
        }
    }

    /// <summary>A card reader that returns the card the self-test presents, once.</summary>
    internal sealed class BenchReader : ICardReader
    {
        private readonly byte[] uid = new byte[CardKey.MaxUidLength];
        private int length;
        private CardReadStatus pending = CardReadStatus.NoCard;

        public void Present(CardReadStatus status, byte[] card)
        {
            pending = status;
            length = card == null ? 0 : card.Length;
            for (int i = 0; i < length; i++)
            {
                uid[i] = card[i];
            }
        }

        public CardReadStatus Poll(byte[] buffer, out int read)
        {
            CardReadStatus status = pending;
            pending = CardReadStatus.NoCard;
            read = length;
            for (int i = 0; i < length; i++)
            {
                buffer[i] = uid[i];
            }

            return status;
        }
    }

    /// <summary>Remembers how many screens were shown and the verdict of the last.</summary>
    internal sealed class BenchFeedback : IFeedback
    {
        public int Shown;
        public int LastVerdict;

        public void Show(Screen screen)
        {
            Shown++;
            LastVerdict = screen.Verdict;
        }
    }

    /// <summary>No network: the self-test never uploads.</summary>
    internal sealed class OfflineUplink : IUplink
    {
        public bool IsConnected
        {
            get { return false; }
        }

        public bool Publish(int channel, byte[] payload, int offset, int count)
        {
            return false;
        }

        public int TryReceive(byte[] buffer, out int channel)
        {
            channel = 0;
            return -1;
        }
    }
}
