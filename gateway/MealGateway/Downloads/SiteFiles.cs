using MealGateway.Periods;
using MealGateway.Policy;

namespace MealGateway.Downloads;

/// <summary>
/// Takes a roster or configuration file for a site: checks it whole, and only then stores it as the
/// site's next version. Shared by the HTTP API and the command line so both refuse the same way.
/// </summary>
public static class SiteFiles
{
    /// <summary>
    /// A configuration is also checked against the policy settlement bills with (policy null: none
    /// loaded, and a configuration is refused): see <see cref="ConfigPolicyCheck"/>. A roster's names
    /// are shown as the county's rule names says (masked unless the county says otherwise).
    /// </summary>
    public static SiteImage? Import(SiteImages images, string kind, string site, string text, string fileName, DateTime nowUtc, SubsidyPolicy? policy, out List<string> problems, NameDisplay names = NameDisplay.Masked) =>
        Import(images, kind, site, System.Text.Encoding.UTF8.GetBytes(text), fileName, nowUtc, policy, out problems, names);

    /// <summary>
    /// The one entry point for a file as uploaded (CLI, HTTP, console): a roster may be CSV in UTF-8
    /// or GB18030 or an .xlsx workbook (RosterTable); a configuration is UTF-8 text.
    /// </summary>
    public static SiteImage? Import(SiteImages images, string kind, string site, byte[] content, string fileName, DateTime nowUtc, SubsidyPolicy? policy, out List<string> problems, NameDisplay names = NameDisplay.Masked)
    {
        problems = [];
        if (IdRule.Problem(site, "站点编号") is { } badSite)
        {
            problems.Add(badSite);
            return null;
        }

        switch (kind)
        {
            case "roster":
                var entries = RosterCsv.TryParse(content, fileName, out problems, names);
                return entries is null ? null : images.ImportRoster(site, entries, RosterTable.SourceText(content, fileName), nowUtc);
            case "config":
                string text = System.Text.Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
                var values = ConfigText.TryParse(text, fileName, out problems);
                if (values is null)
                {
                    return null;
                }

                var day = DateOnly.FromDateTime(nowUtc.AddMinutes(values.UtcOffsetMinutes));
                problems = ConfigPolicyCheck.Problems(site, values, text, fileName, policy, images.PeriodCatalogue(), day);
                if (problems.Count > 0)
                {
                    return null;
                }

                Welfare.WelfareConfigCheck.Derive(values, policy!.WelfareOn(day));
                return images.SetConfig(site, values, text, nowUtc);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>What the API and the CLI show of an image (never its bytes).</summary>
    public static object Describe(SiteImage image) => new
    {
        site = image.Site,
        kind = SiteImage.KindName(image.Kind),
        version = image.Version,
        bytes = image.Image.Length,
        crc = image.Crc.ToString("x8"),
        entries = image.Entries,
        updatedUtc = image.UpdatedUtc,
    };
}
