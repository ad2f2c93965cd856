using LiteDB;
using MealGateway.Periods;
using MealTerminal.Core.Meals;

namespace MealGateway.Storage;

/// <summary>
/// Gives records stored without a valid clock their place in time. A terminal that stored meals
/// without wall time writes a clock anchor (VerdictCode.ClockSet) once its clock is set in the
/// same boot: wall time minus uptime is where the boot began, and each record of that boot is at
/// boot start + its milliseconds since boot. Until the anchor arrives the records stay pending.
/// </summary>
internal sealed class Placement(LiteDatabase db, ConfigVersions versions)
{
    private readonly ILiteCollection<BootAnchor> anchors = db.GetCollection<BootAnchor>(MealStore.AnchorsName);
    private readonly Dictionary<string, BootAnchor?> known = new();
    private readonly List<BootAnchor> added = new();

    /// <summary>The anchor of a boot, if one has been received.</summary>
    public BootAnchor? AnchorOf(string site, string terminal, int boot)
    {
        string id = BootAnchor.KeyOf(site, terminal, boot);
        if (!known.TryGetValue(id, out var anchor))
        {
            anchor = anchors.FindById(id);
            known[id] = anchor;
        }

        return anchor;
    }

    /// <summary>Learns a boot's start from its ClockSet record (Time = wall seconds, ElderId = seconds since boot).</summary>
    public BootAnchor Learn(StoredRecord clockSet)
    {
        var anchor = new BootAnchor
        {
            Id = BootAnchor.KeyOf(clockSet.Site, clockSet.Terminal, clockSet.BootCount),
            BootStartSeconds = clockSet.Time - clockSet.ElderId,
        };
        known[anchor.Id] = anchor;
        added.Add(anchor);
        return anchor;
    }

    /// <summary>
    /// Places a record without valid time against the periods of the configuration that recorded
    /// it; returns false when the placed time falls outside every meal period (the record gets its
    /// day but no period and is flagged, not counted).
    /// </summary>
    public bool Place(StoredRecord record, BootAnchor anchor)
    {
        var set = versions.Find(record.Site, record.ConfigVersion) ?? SitePeriodSet.Defaults(record.Site, 0);
        uint seconds = (uint)Math.Clamp(anchor.BootStartSeconds + (record.Time / 1000), 0, uint.MaxValue);
        var local = LocalTime.FromRecordSeconds(seconds).AddMinutes(set.UtcOffsetMinutes);
        int index = set.IndexAt((local.Hour * 60) + local.Minute);
        int code = index < 0 ? -1 : set.Codes[index];
        record.Placed = true;
        record.Time = seconds;
        record.Day = DateOnly.FromDateTime(local).ToString("yyyy-MM-dd");
        record.Period = code < 0 ? MealTerminal.Core.Ledger.MealRecord.NoPeriod : code;
        return code >= 0;
    }

    public void Write() => anchors.Upsert(added);
}
