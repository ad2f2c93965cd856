using MealTerminal.Core.Integrity;
using MealTerminal.Core.Roster;

namespace MealGateway.Downloads;

/// <summary>
/// Reads the entries back out of a roster image the gateway built (RosterWriter's layout,
/// docs/formats.md): what a site's terminals run, whatever file format the roster came in.
/// </summary>
public static class RosterImageEntries
{
    public static RosterEntry[] Read(byte[] image)
    {
        int count = image.Length < RosterFormat.HeaderSize ? 0 : (int)LittleEndian.ReadUInt32(image, 16);
        var entries = new RosterEntry[count];
        for (int i = 0; i < count; i++)
        {
            int at = RosterFormat.HeaderSize + (i * RosterFormat.EntrySize);
            var entry = new RosterEntry
            {
                ElderId = LittleEndian.ReadUInt32(image, at + RosterFormat.OffsetElderId),
                Category = image[at + RosterFormat.OffsetCategory],
                Status = (CardStatus)image[at + RosterFormat.OffsetStatus],
                ValidFromDay = LittleEndian.ReadUInt16(image, at + RosterFormat.OffsetValidFrom),
                ValidToDay = LittleEndian.ReadUInt16(image, at + RosterFormat.OffsetValidTo),
            };
            Array.Copy(image, at, entry.CardKey, 0, entry.CardKey.Length);
            entries[i] = entry;
        }

        return entries;
    }
}
