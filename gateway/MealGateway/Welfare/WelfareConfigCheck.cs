using MealGateway.Downloads;
using MealTerminal.Core.Meals;

namespace MealGateway.Welfare;

/// <summary>
/// A site configuration's welfare-check fields (常来天数, 常来统计天数, 未到截止时间; extension tags
/// 2..4) against the county's rule (policy line 常来, docs/welfare.md). The terminal and the gateway
/// must draw the same absent list, so the county's rule is the one truth: a configuration that
/// states a field must state the county's value on the day it is stored, else it is refused whole;
/// a field it leaves out is derived from the county's rule (written into the image only where it
/// differs from the terminal's default, so the image of a county on the defaults does not change).
/// </summary>
public static class WelfareConfigCheck
{
    private static readonly (int Tag, string Key)[] Fields =
        [(DeliverySettings.TagRegularDays, "常来天数"), (DeliverySettings.TagRegularWindow, "常来统计天数"), (DeliverySettings.TagAbsentCutoff, "未到截止时间")];

    /// <summary>
    /// One problem per field that disagrees with the county's rule. stored: an image already on the
    /// terminals, where a field left out is the terminal's default; otherwise a file being uploaded,
    /// where a field left out will be derived.
    /// </summary>
    public static IEnumerable<string> Problems(ConfigValues values, string text, string fileName, WelfareSetting county, DateOnly day, bool stored)
    {
        var section = values.Extensions ?? ConfigExtensions.Empty;
        foreach (var (tag, key) in Fields)
        {
            if (!stored && ConfigExtensions.Find(section, tag) < 0)
            {
                continue;
            }

            int mine = Value(section, tag), theirs = Value(county, tag);
            if (mine != theirs)
            {
                int line = ConfigText.LastLine(text, key, _ => true);
                string where = line > 0 ? $"{fileName} 第 {line} 行" : fileName;
                yield return $"{where}: {key} {Shown(tag, mine)} 与县里的常来规则（补贴政策 常来 条目，{day:yyyy-MM-dd} 起适用）{Shown(tag, theirs)} 不符；" +
                    $"请删去这一行（网关按县里的规则填写）或改为 {Shown(tag, theirs)}";
            }
        }
    }

    /// <summary>Writes the county's rule into the fields the configuration leaves out (only where it differs from the terminal default).</summary>
    public static void Derive(ConfigValues values, WelfareSetting county)
    {
        var section = values.Extensions ?? ConfigExtensions.Empty;
        foreach (var (tag, _) in Fields)
        {
            int value = Value(county, tag);
            if (ConfigExtensions.Find(section, tag) < 0 && value != Value(ConfigExtensions.Empty, tag))
            {
                section = ConfigExtensions.With(section, tag, tag == DeliverySettings.TagAbsentCutoff ? [(byte)value, (byte)(value >> 8)] : [(byte)value]);
            }
        }

        values.Extensions = section[0] > 0 ? section : values.Extensions;
    }

    private static int Value(byte[] section, int tag) => tag switch
    {
        DeliverySettings.TagRegularDays => DeliverySettings.RegularDays(section),
        DeliverySettings.TagRegularWindow => DeliverySettings.RegularWindow(section),
        _ => DeliverySettings.AbsentCutoffMinute(section),
    };

    private static int Value(WelfareSetting setting, int tag) => tag switch
    {
        DeliverySettings.TagRegularDays => setting.RegularDays,
        DeliverySettings.TagRegularWindow => setting.RegularWindow,
        _ => setting.CutoffMinute,
    };

    private static string Shown(int tag, int value) => tag == DeliverySettings.TagAbsentCutoff ? $"{value / 60:D2}:{value % 60:D2}" : value.ToString();
}
