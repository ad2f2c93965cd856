namespace MealTerminal.Core.Cards
{
    public enum CardReadStatus
    {
        NoCard = 0,
        Card = 1,
        /// <summary>A card was in the field but could not be read completely: ask for another tap.</summary>
        ReadError = 2,
        /// <summary>
        /// The card answered with a random UID (4 bytes, first byte 0x08, ISO/IEC 14443-3 §6.5.4):
        /// phones, bank cards and some ID cards change it on every tap, so it can never identify an
        /// elder. The UID is still in uid[0..length) for logging, never for lookup.
        /// </summary>
        RandomUid = 3,
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
