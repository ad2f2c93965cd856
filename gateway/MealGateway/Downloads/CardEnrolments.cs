using LiteDB;
using MealGateway.Storage;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Roster;
using MealTerminal.Core.Sync;

namespace MealGateway.Downloads;

/// <summary>
/// An unknown card an operator gave to an elder of the site's roster. Pending until the site's next
/// roster version is built (an upload, or "publish" in the console); from then on it is merged into
/// every later version too, so the office's next file cannot silently drop it, until withdrawn.
/// </summary>
public sealed class CardEnrolment
{
    /// <summary>"{site}|{card hex}".</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;

    /// <summary>The card's UID in upper-case hex, as the unknown-card anomaly and the roster's 卡号 write it.</summary>
    public string CardHex { get; set; } = string.Empty;
    public long ElderId { get; set; }
    public string By { get; set; } = string.Empty;
    public DateTime RequestedUtc { get; set; }

    /// <summary>The first roster version that carries the card; 0 while pending.</summary>
    public long AppliedVersion { get; set; }

    public static string KeyOf(string site, string cardHex) => $"{site}|{cardHex}";
}

/// <summary>
/// Enrolment of unknown cards (issue #16): operators pick the elder for a card seen at a site; the
/// card joins the next roster version, built by <see cref="SiteImages.ImportRoster"/> in the same
/// transaction that stores the version. The elder's other active card, if any, is marked lost there
/// (one active card per elder, as the roster requires: the new card replaces it).
/// </summary>
public sealed class CardEnrolments(MealStore store, SiteImages images)
{
    internal const string CollectionName = "card_enrolments";

    public IReadOnlyList<CardEnrolment> Of(string? site) => store.Read(db =>
        db.GetCollection<CardEnrolment>(CollectionName).FindAll().Where(e => site is null || e.Site == site).OrderBy(e => e.Id).ToList());

    /// <summary>Records the enrolment; returns why it was refused (Chinese), or null. Nothing is stored on a refusal.</summary>
    public string? Request(string site, string? cardText, string? elderText, string by, DateTime nowUtc)
    {
        string hex = (cardText ?? string.Empty).Trim().Replace(" ", string.Empty).ToUpperInvariant();
        if (hex.Length is not (8 or 14 or 20) || !hex.All(Uri.IsHexDigit))
        {
            return $"卡号 '{cardText}' 应为 8, 14 或 20 位十六进制";
        }

        var uid = Convert.FromHexString(hex);
        if (CardKey.IsRandomUid(uid, uid.Length))
        {
            return $"卡号 {hex} 是随机卡号 (每次读卡都不同), 不能登记";
        }

        if (!uint.TryParse(elderText, out uint elder) || elder is 0 or > 0xFFFFFF)
        {
            return $"老人编号 '{elderText}' 应为 1 到 16777215 的整数";
        }

        var roster = images.Current(site, DownloadCodec.KindRoster);
        if (roster is null)
        {
            return $"站点 {site} 还没有名册, 请先上传名册";
        }

        var entries = RosterImageEntries.Read(roster.Image);
        if (entries.Any(e => CardKey.ToHex(e.CardKey, 0) == hex && uid.Length == e.CardKey[0]))
        {
            return $"卡号 {hex} 已在站点 {site} 第 {roster.Version} 版名册中";
        }

        if (!entries.Any(e => e.ElderId == elder))
        {
            return $"老人编号 {elder} 不在站点 {site} 第 {roster.Version} 版名册中";
        }

        return store.Durably(db =>
        {
            var enrolments = db.GetCollection<CardEnrolment>(CollectionName);
            string id = CardEnrolment.KeyOf(site, hex);
            if (enrolments.FindById(id) is { } already)
            {
                return $"卡号 {hex} 已由 {already.By} 登记给老人 {already.ElderId}";
            }

            enrolments.Insert(new CardEnrolment { Id = id, Site = site, CardHex = hex, ElderId = elder, By = by, RequestedUtc = nowUtc });
            return (string?)null;
        });
    }

    /// <summary>Takes an enrolment back (it leaves the next roster version); false when there is none.</summary>
    public bool Withdraw(string site, string cardHex) =>
        store.Durably(db => db.GetCollection<CardEnrolment>(CollectionName).Delete(CardEnrolment.KeyOf(site, cardHex)));

    /// <summary>
    /// The entries of a site's next roster version with its enrolled cards added; marks pending ones
    /// applied to that version. An enrolled card the file already lists is left as the file says; an
    /// enrolment whose elder the new roster no longer lists is left out (and stays as it was).
    /// </summary>
    internal static RosterEntry[] Merge(LiteDatabase db, string site, RosterEntry[] entries, long version)
    {
        var enrolments = db.GetCollection<CardEnrolment>(CollectionName);
        var merged = entries.ToList();
        foreach (var enrolment in enrolments.Find(e => e.Site == site).OrderBy(e => e.RequestedUtc))
        {
            var uid = Convert.FromHexString(enrolment.CardHex);
            var entry = new RosterEntry { ElderId = (uint)enrolment.ElderId, ValidToDay = RosterFormat.NoUpperBound };
            CardKey.FromUid(uid, uid.Length, entry.CardKey, 0);
            var elderCards = merged.Where(e => e.ElderId == entry.ElderId).ToList();
            if (elderCards.Count == 0 || merged.Any(e => CardKey.Compare(e.CardKey, 0, entry.CardKey, 0) == 0))
            {
                continue;
            }

            entry.Category = elderCards[0].Category;
            foreach (var old in elderCards.Where(e => e.Status == CardStatus.Active))
            {
                old.Status = CardStatus.LostCard;
            }

            merged.Add(entry);
            if (enrolment.AppliedVersion == 0)
            {
                enrolment.AppliedVersion = version;
                enrolments.Update(enrolment);
            }
        }

        return merged.ToArray();
    }
}
