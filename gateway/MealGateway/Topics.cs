namespace MealGateway;

/// <summary>The topic tree meal/v1/{site}/{terminal}/{channel} (docs/protocol.md).</summary>
public static class Topics
{
    public const string Root = "meal/v1";
    public const string RecordsFilter = Root + "/+/+/records";

    /// <summary>The filter for one channel of every terminal.</summary>
    public static string AllTerminals(string channel) => $"{Root}/+/+/{channel}";

    public static string For(string site, string terminal, string channel) => $"{Root}/{site}/{terminal}/{channel}";

    /// <summary>Splits meal/v1/{site}/{terminal}/{channel}; false for any other shape.</summary>
    public static bool TryParse(string topic, out string site, out string terminal, out string channel)
    {
        site = terminal = channel = string.Empty;
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0] != "meal" || parts[1] != "v1"
            || !IdRule.IsValid(parts[2]) || !IdRule.IsValid(parts[3]))
        {
            return false;
        }

        (site, terminal, channel) = (parts[2], parts[3], parts[4]);
        return true;
    }

    /// <summary>True for a usable site or terminal id (IdRule), which is also one topic level without wildcards.</summary>
    public static bool IsLevel(string id) => IdRule.IsValid(id);
}
