using System.Collections.Concurrent;
using LiteDB;
using MealGateway.Periods;
using MealGateway.Storage;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;

namespace MealGateway.Downloads;

/// <summary>The roster or configuration image a site's terminals should run, as stored by the gateway.</summary>
public sealed class SiteImage
{
    /// <summary>"{site}|{kind}".</summary>
    public string Id { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    /// <summary>DownloadCodec.KindRoster, KindConfig, KindVoicePack or KindFont.</summary>
    public int Kind { get; set; }

    /// <summary>1, 2, ... per site and kind; every import or change takes the next.</summary>
    public long Version { get; set; }

    public byte[] Image { get; set; } = [];

    public long Crc { get; set; }

    /// <summary>Roster entries (cards); 0 for a configuration.</summary>
    public int Entries { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The file it came from, kept so an operator can see and export what is in force.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The kind's name, which is also its offer topic's last level.</summary>
    public static string KindName(int kind) => kind switch
    {
        DownloadCodec.KindRoster => "roster",
        DownloadCodec.KindVoicePack => "voice",
        DownloadCodec.KindFont => "font",
        _ => "config",
    };
}

/// <summary>
/// The current roster and configuration image per site, in the gateway's database (written durably,
/// so an offer never points at an image a restart could lose), cached in memory for chunk serving.
/// </summary>
public sealed class SiteImages(MealStore store)
{
    internal const string CollectionName = "site_images";
    private readonly ConcurrentDictionary<string, SiteImage?> cache = new();

    public SiteImage? Current(string site, int kind) => kind switch
    {
        DownloadCodec.KindVoicePack when site != VoicePacks.County => Stored(site, kind) ?? Stored(VoicePacks.County, kind), // a site without its own pack speaks the county's
        DownloadCodec.KindFont => Stored(VoicePacks.County, kind), // one font for the county
        _ => Stored(site, kind),
    };

    /// <summary>True for the kinds the county stores once for every site (a voice pack may also be a site's own).</summary>
    public static bool CountyWide(int kind) => kind is DownloadCodec.KindVoicePack or DownloadCodec.KindFont;

    private SiteImage? Stored(string site, int kind) =>
        cache.GetOrAdd($"{site}|{kind}", id => store.Read(db => db.GetCollection<SiteImage>(CollectionName).FindById(id)));

    /// <summary>Stores a checked voice pack (VoicePacks.Problem) for a site, or for the county (VoicePacks.County).</summary>
    public SiteImage SetVoicePack(string site, byte[] pack, DateTime nowUtc) =>
        Replace(site, DownloadCodec.KindVoicePack, (_, _) => (pack, 0), $"{pack.Length} bytes", nowUtc, NextOfKind(DownloadCodec.KindVoicePack));

    /// <summary>Stores a checked font image (FontImages.Problem) for the county.</summary>
    public SiteImage SetFontImage(byte[] image, string source, DateTime nowUtc) =>
        Replace(VoicePacks.County, DownloadCodec.KindFont, (_, _) => (image, 0), $"{source} ({image.Length} bytes)", nowUtc, NextOfKind(DownloadCodec.KindFont));

    private static Func<LiteDatabase, long> NextOfKind(int kind) =>
        db => db.GetCollection<SiteImage>(CollectionName).Find(i => i.Kind == kind).Select(i => i.Version).DefaultIfEmpty(0).Max() + 1;

    public IReadOnlyList<SiteImage> All() =>
        store.Read(db => db.GetCollection<SiteImage>(CollectionName).FindAll().OrderBy(i => i.Id).ToList());

    /// <summary>
    /// Stores a checked roster as the site's next version, with the site's enrolled cards merged in
    /// the same transaction (<see cref="CardEnrolments"/>).
    /// </summary>
    public SiteImage ImportRoster(string site, RosterEntry[] entries, string source, DateTime nowUtc) =>
        Replace(site, DownloadCodec.KindRoster, (db, version) =>
        {
            var merged = CardEnrolments.Merge(db, site, entries, version);
            return (RosterWriter.Build(merged, (uint)version, IssuerOf(site)), merged.Length);
        }, source, nowUtc);

    /// <summary>Stores a checked configuration as the site's next version.</summary>
    /// <summary>
    /// Stores a checked configuration as the site's next version, and its periods under that
    /// version in the same transaction (Periods/SitePeriods): records made with it stay readable.
    /// </summary>
    public SiteImage SetConfig(string site, ConfigValues values, string source, DateTime nowUtc) =>
        Replace(site, DownloadCodec.KindConfig, (db, version) =>
        {
            values.Version = (uint)version;
            var buffer = new byte[ConfigImage.MaxSize];
            int length = ConfigImage.Encode(buffer, values, out string problem);
            if (length < 0)
            {
                throw new ArgumentException(problem);
            }

            SitePeriods.Register(db, site, version, values);
            return (buffer[..length], 0);
        }, source, nowUtc);

    /// <summary>The gateway's meal periods by code, for checking a configuration before it is stored.</summary>
    public MealPeriod[] PeriodCatalogue() => store.Periods;

    /// <summary>The roster header's issuer: the CRC-32 of the site id, so an image says which site it was built for.</summary>
    public static uint IssuerOf(string site)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(site);
        return Crc32.Compute(bytes, 0, bytes.Length);
    }

    private SiteImage Replace(string site, int kind, Func<LiteDatabase, long, (byte[] Image, int Entries)> build, string source, DateTime nowUtc, Func<LiteDatabase, long>? nextVersion = null)
    {
        string id = $"{site}|{kind}";
        var image = store.Durably(db =>
        {
            var images = db.GetCollection<SiteImage>(CollectionName);
            long version = nextVersion?.Invoke(db) ?? (images.FindById(id)?.Version ?? 0) + 1;
            var (bytes, entries) = build(db, version);
            if (kind == DownloadCodec.KindVoicePack)
            {
                bytes = VoicePacks.Versioned(bytes, version);
            }
            else if (kind == DownloadCodec.KindFont)
            {
                bytes = FontImages.Versioned(bytes, version);
            }
            var stored = new SiteImage
            {
                Id = id, Site = site, Kind = kind, Version = version, Image = bytes, Crc = Crc32.Compute(bytes, 0, bytes.Length),
                Entries = entries, UpdatedUtc = nowUtc, Source = source,
            };
            images.Upsert(stored);
            return stored;
        });
        cache[id] = image;
        return image;
    }
}
