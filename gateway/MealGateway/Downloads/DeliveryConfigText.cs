using MealTerminal.Core.Meals;

namespace MealGateway.Downloads;

/// <summary>
/// The site configuration keys of home delivery and the welfare check (issue 17), read into the
/// configuration's extension section (Meals/DeliverySettings): 终端模式 = 食堂 | 送餐, 常来天数 = N,
/// 常来统计天数 = M (a regular ate on N of the last M service days), 未到截止时间 = HH:MM.
/// </summary>
internal static class DeliveryConfigText
{
    public static readonly string[] Keys = ["终端模式", "常来天数", "常来统计天数", "未到截止时间"];

    /// <summary>Reads one of Keys into values.Extensions; the problem in Chinese, or null.</summary>
    public static string? Read(string key, string value, ConfigValues values)
    {
        switch (key)
        {
            case "终端模式":
                int mode = value == "食堂" ? ConfigExtensions.TerminalModeCanteen : value == "送餐" ? ConfigExtensions.TerminalModeDelivery : -1;
                return mode < 0 ? "终端模式应为 食堂 或 送餐" : Set(values, ConfigExtensions.TagTerminalMode, [(byte)mode]);
            case "常来天数":
            case "常来统计天数":
                return int.TryParse(value, out int days) && days is >= 1 and <= DeliverySettings.MaxRegularWindow
                    ? Set(values, key == "常来天数" ? DeliverySettings.TagRegularDays : DeliverySettings.TagRegularWindow, [(byte)days])
                    : $"{key}应为 1 到 {DeliverySettings.MaxRegularWindow}";
            default:
                return TimeOnly.TryParseExact(value, "HH:mm", out var cutoff) && cutoff != TimeOnly.MinValue
                    ? Set(values, DeliverySettings.TagAbsentCutoff, [(byte)(cutoff.Hour * 60 + cutoff.Minute), (byte)((cutoff.Hour * 60 + cutoff.Minute) >> 8)])
                    : "未到截止时间应为 HH:MM（如 14:00）";
        }
    }

    private static string? Set(ConfigValues values, int tag, byte[] value)
    {
        values.Extensions = ConfigExtensions.With(values.Extensions, tag, value);
        return null;
    }
}
