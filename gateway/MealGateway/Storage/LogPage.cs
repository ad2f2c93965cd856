namespace MealGateway.Storage;

/// <summary>
/// What the write-ahead rule needs to know of a LiteDB 5 log page (LiteDB/Engine/Pages/BasePage.cs
/// at v5.0.20): pages are 8 KB and written whole at 8 KB-aligned positions; the last page of a
/// committed transaction has its "is confirmed" byte (offset 18 of the page header) set, and
/// opening the database replays exactly the transactions with such a page.
/// </summary>
internal static class LogPage
{
    public const int Size = 8192;

    /// <summary>The confirmed byte's offset in the page header (BasePage.P_IS_CONFIRMED).</summary>
    public const int ConfirmedOffset = 18;

    /// <summary>The first disk sector of a page, which holds the page header; sectors are written whole (4 KB).</summary>
    public const int MarkSectorSize = 4096;

    public static bool IsCommitMark(long position, byte[] buffer, int offset, int count) =>
        count == Size && position % Size == 0 && buffer[offset + ConfirmedOffset] != 0;

    public static byte[] Unmarked(byte[] buffer, int offset)
    {
        var page = buffer.AsSpan(offset, Size).ToArray();
        page[ConfirmedOffset] = 0;
        return page;
    }
}
