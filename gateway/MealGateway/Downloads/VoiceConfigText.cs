using System.Globalization;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Voice;

namespace MealGateway.Downloads;

/// <summary>
/// The voice keys of the configuration file (docs/rosters.md), kept in the image's extension section:
/// <code>
/// 音量 = 60               (percent, 0..100; 0 mutes; 80 when absent)
/// 静音时段 = 21:00-07:00  (local time; may cross midnight; the end minute speaks again)
/// </code>
/// </summary>
public static class VoiceConfigText
{
    public static string? ReadVolume(string value, ConfigValues values)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int volume) || volume > 100)
        {
            return "音量应为 0 到 100 的整数 (0 为静音)";
        }

        values.Extensions = ConfigExtensions.With(values.Extensions, VoiceSettings.TagVolume, [(byte)volume]);
        return null;
    }

    public static string? ReadSilentHours(string value, ConfigValues values)
    {
        var parts = value.Split('-');
        if (parts.Length != 2 || !TryMinute(parts[0], out int start) || !TryMinute(parts[1], out int end) || start == end)
        {
            return "静音时段应为 '开始-结束'，如 21:00-07:00，两个时刻不同";
        }

        values.Extensions = ConfigExtensions.With(values.Extensions, VoiceSettings.TagSilentHours, VoiceSettings.SilentHoursValue(start, end));
        return null;
    }

    private static bool TryMinute(string text, out int minute)
    {
        minute = -1;
        if (!TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        minute = (time.Hour * 60) + time.Minute;
        return true;
    }
}
