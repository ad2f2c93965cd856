using LiteDB;
using MealGateway.Downloads;
using MealGateway.Periods;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;

namespace MealGateway.Storage;

/// <summary>
/// Which configuration decided each record, and that configuration's periods. A terminal writes a
/// configuration marker (VerdictCode.ConfigSwitch, version in the elder id) before the first record
/// decided with a new configuration; the gateway keeps each terminal's markers by sequence, and a
/// record is read against the newest marker below it (none: version 0, the built-in defaults).
/// Batches arrive in sequence order from the terminal's cursor (docs/protocol.md), so a marker is
/// known before the records after it.
/// </summary>
internal sealed class ConfigVersions(LiteDatabase db, int defaultUtcOffsetMinutes)
{
    /// <summary>The period nibble of a record made without a valid clock (docs/formats.md).</summary>
    private const int UnknownTimePeriod = 0x0E;

    private readonly Dictionary<string, SitePeriodSet?> sets = new();
    private MealPeriod[]? catalogue;

    /// <summary>Takes a marker; false when a record after it was already read against another version.</summary>
    public bool Learn(TerminalState state, StoredRecord marker, long highestStoredBefore)
    {
        var switches = state.ConfigSwitches;
        long before = VersionAt(state, marker.Sequence + 1);
        int at = switches.FindIndex(s => s.Sequence > marker.Sequence);
        var entry = new ConfigSwitch { Sequence = marker.Sequence, Version = marker.ElderId };
        if (at < 0)
        {
            switches.Add(entry);
        }
        else
        {
            switches.Insert(at, entry);
        }

        return marker.Sequence > highestStoredBefore || before == marker.ElderId;
    }

    /// <summary>
    /// Reads a record's period against the configuration that decided it and stores the gateway's
    /// period code in its place (the terminal's value stays in RecordedPeriod); recomputes its day
    /// with that configuration's UTC offset. Returns why the record cannot be read (it is then
    /// flagged, never counted), or null.
    /// </summary>
    public (string Kind, string Detail)? Resolve(TerminalState state, StoredRecord record)
    {
        record.RecordedPeriod = record.Period;
        record.ConfigVersion = VersionAt(state, record.Sequence);
        var set = Find(record.Site, record.ConfigVersion);
        if (set is null)
        {
            return (AnomalyKind.UnknownConfig, $"终端按配置版本 {record.ConfigVersion} 记录，网关没有发出过该版本，餐别无法识别，未计入统计");
        }

        if (record.ClockValid)
        {
            record.Day = DateOnly.FromDateTime(LocalTime.FromRecordSeconds((uint)record.Time).AddMinutes(set.UtcOffsetMinutes)).ToString("yyyy-MM-dd");
        }

        int raw = record.RecordedPeriod;
        if (raw < set.Count && set.Codes[raw] >= 0)
        {
            record.Period = set.Codes[raw];
            return null;
        }

        bool possible = raw == MealRecord.NoPeriod ? !VerdictCode.IsMeal(record.Verdict) : raw == UnknownTimePeriod && !record.ClockValid;
        if (possible)
        {
            return null;
        }

        string what = raw < set.Count ? $"餐别 '{set.Names[raw]}' 没有网关餐别编号" : $"餐别代码 {raw} 不在配置版本 {record.ConfigVersion} 的 {set.Count} 个餐别内";
        return (AnomalyKind.UnknownPeriod, $"{what}，未计入统计");
    }

    /// <summary>The configuration version in force for a terminal's record at a sequence.</summary>
    public static long VersionAt(TerminalState state, long sequence)
    {
        long version = 0;
        foreach (var s in state.ConfigSwitches)
        {
            if (s.Sequence >= sequence)
            {
                break;
            }

            version = s.Version;
        }

        return version;
    }

    /// <summary>The periods of a site's configuration version; null when the gateway never issued it.</summary>
    public SitePeriodSet? Find(string site, long version)
    {
        if (version == 0)
        {
            return SitePeriodSet.Defaults(site, defaultUtcOffsetMinutes);
        }

        string key = SitePeriodSet.KeyOf(site, version);
        if (!sets.TryGetValue(key, out var set))
        {
            set = db.GetCollection<SitePeriodSet>(SitePeriods.CollectionName).FindById(key) ?? FromCurrentImage(site, version);
            sets[key] = set;
        }

        return set;
    }

    /// <summary>A configuration stored before periods were kept per version: still readable while it is the site's current one.</summary>
    private SitePeriodSet? FromCurrentImage(string site, long version)
    {
        var image = db.GetCollection<SiteImage>(SiteImages.CollectionName).FindById($"{site}|{DownloadCodec.KindConfig}");
        var values = new ConfigValues();
        if (image is null || image.Version != version || ConfigImage.TryDecode(image.Image, image.Image.Length, values) < 0)
        {
            return null;
        }

        catalogue ??= PeriodCatalogue.Read(db);
        var codes = values.Periods.Select(p => Array.FindIndex(catalogue, c => c.Name == p.Name)).ToArray();
        return SitePeriodSet.From(site, version, values.UtcOffsetMinutes, values.Periods, codes);
    }
}
