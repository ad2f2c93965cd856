using MealGateway.Downloads;
using MealTerminal.Core.Roster;

namespace MealGateway.Welfare;

/// <summary>
/// Elders' names for the absent list, read from the sites' current roster images: the names there
/// are already shown as the county's rule says (masked 王＊英 by default, NameDisplay), so the list
/// never shows more of a name than the terminal's screen does. Personal data: served only to
/// accounts that may read the site (GET /api/welfare) and on the gateway's own command line.
/// </summary>
internal sealed class AbsentNames
{
    private readonly Dictionary<(string Site, long Elder), string> bySite = [];
    private readonly Dictionary<long, string> anySite = [];

    public AbsentNames(IEnumerable<SiteImage> rosters)
    {
        foreach (var roster in rosters.OrderBy(r => r.Site, StringComparer.Ordinal))
        {
            Read(roster);
        }
    }

    /// <summary>The elder's name in the site's roster, else in any site's; null when no roster names them.</summary>
    public string? Of(string site, long elder) =>
        bySite.TryGetValue((site, elder), out var name) ? name : anySite.GetValueOrDefault(elder);

    private void Read(SiteImage roster)
    {
        byte[] image = roster.Image;
        if (image.Length < RosterFormat.HeaderSize || BitConverter.ToUInt16(image, 4) != RosterFormat.FormatVersionNames)
        {
            return;
        }

        int count = (int)BitConverter.ToUInt32(image, 16);
        int names = RosterFormat.NameBytesOffset(count);
        if (count < 0 || names > image.Length)
        {
            return;
        }

        for (int i = 0; i < count; i++)
        {
            int table = RosterFormat.NameTableOffset(count) + (i * 4);
            uint start = BitConverter.ToUInt32(image, table), end = BitConverter.ToUInt32(image, table + 4);
            if (end <= start || end - start > RosterFormat.MaxNameBytes || names + end > image.Length)
            {
                continue;
            }

            string name = RosterNames.Decode(image, names + (int)start, (int)(end - start));
            long elder = BitConverter.ToUInt32(image, RosterFormat.HeaderSize + (i * RosterFormat.EntrySize) + RosterFormat.OffsetElderId);
            if (name.Length > 0)
            {
                bySite[(roster.Site, elder)] = name;
                anySite.TryAdd(elder, name);
            }
        }
    }
}
