using MealTerminal.Core.Cards;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>Returns the next queued read on each poll, then no card.</summary>
public sealed class FakeReader : ICardReader
{
    private readonly Queue<(CardReadStatus Status, byte[] Uid)> reads = new();

    public void Present(byte[] uid) => reads.Enqueue((CardReadStatus.Card, uid));

    public void PresentRandomUid() => reads.Enqueue((CardReadStatus.RandomUid, new byte[] { 0x08, 1, 2, 3 }));

    public void Fail() => reads.Enqueue((CardReadStatus.ReadError, Array.Empty<byte>()));

    public CardReadStatus Poll(byte[] uid, out int length)
    {
        length = 0;
        if (reads.Count == 0)
        {
            return CardReadStatus.NoCard;
        }

        var (status, card) = reads.Dequeue();
        card.CopyTo(uid, 0);
        length = card.Length;
        return status;
    }
}
