using System.Collections.Concurrent;
using MealTerminal.Core.Cards;

namespace MealTerminal.Simulator.Adapters;

/// <summary>A card reader fed by a script or the keyboard: each presented card is read once.</summary>
public sealed class ScriptedCardReader : ICardReader
{
    private readonly ConcurrentQueue<byte[]?> presented = new();

    public void Present(byte[] uid) => presented.Enqueue(uid);

    /// <summary>Simulates a card pulled away mid-read.</summary>
    public void PresentUnreadable() => presented.Enqueue(null);

    public CardReadStatus Poll(byte[] uid, out int length)
    {
        length = 0;
        if (!presented.TryDequeue(out var card))
        {
            return CardReadStatus.NoCard;
        }

        if (card is null)
        {
            return CardReadStatus.ReadError;
        }

        card.CopyTo(uid, 0);
        length = card.Length;
        return CardReadStatus.Card;
    }

    public static byte[] ParseUid(string hex)
    {
        // Separators people type or copy from a label: 04521000_8A3C80, 04:52:10, 04 52 10, 04-52-10.
        string digits = new(hex.Where(c => c is not (':' or '_' or '-' or ' ')).ToArray());
        if (digits.Length % 2 != 0 || !digits.All(Uri.IsHexDigit))
        {
            throw new FormatException($"a card UID is hex digits (separators : _ - and spaces allowed), got '{hex}'");
        }

        var bytes = Convert.FromHexString(digits);
        if (!CardKey.IsValidUidLength(bytes.Length))
        {
            throw new FormatException($"a card UID has 4, 7 or 10 bytes, '{hex}' has {bytes.Length}");
        }

        return bytes;
    }
}
