namespace MealTerminal.Core.Cards
{
    public enum CardReadStatus
    {
        NoCard = 0,
        Card = 1,
        /// <summary>A card was in the field but could not be read completely: ask for another tap.</summary>
        ReadError = 2,
    }

    /// <summary>The card reader seam: one poll of the field, no blocking.</summary>
    public interface ICardReader
    {
        /// <summary>
        /// Polls the field once. On <see cref="CardReadStatus.Card"/> the UID (4, 7 or 10 bytes)
        /// is in uid[0..length).
        /// </summary>
        CardReadStatus Poll(byte[] uid, out int length);
    }
}
