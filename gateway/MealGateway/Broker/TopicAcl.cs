namespace MealGateway.Broker;

/// <summary>
/// Who may use which topic on the embedded broker. A terminal publishes only under
/// meal/v1/{its site}/{its terminal}/ and subscribes only to its own downstream topics there (not
/// to its upstream channels, which only the gateway reads). The gateway's service client may do
/// anything.
/// </summary>
public static class TopicAcl
{
    /// <summary>Channels a terminal sends on; everything else under its topic is downstream.</summary>
    public static readonly string[] UpstreamChannels = ["records", "status", "time-req", "fetch"];

    /// <summary>A terminal publishes only on its own upstream channels: never acks, offers or chunks, not even to itself.</summary>
    public static bool MayPublish(string site, string terminal, string topic)
    {
        string own = $"{Topics.Root}/{site}/{terminal}/";
        return topic.StartsWith(own, StringComparison.Ordinal) && UpstreamChannels.Contains(topic[own.Length..]);
    }

    /// <summary>Channels the gateway sends a terminal on (docs/protocol.md).</summary>
    public static readonly string[] DownstreamChannels = ["ack", "time", "roster", "config", "chunk", "voice", "font"];

    /// <summary>A terminal subscribes only to its own downstream channels, one exact topic each.</summary>
    public static bool MaySubscribe(string site, string terminal, string filter)
    {
        string own = $"{Topics.Root}/{site}/{terminal}/";
        return filter.StartsWith(own, StringComparison.Ordinal) && DownstreamChannels.Contains(filter[own.Length..]);
    }
}
