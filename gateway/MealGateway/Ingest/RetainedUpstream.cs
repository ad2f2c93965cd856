using MealGateway.Broker;
using MQTTnet;

namespace MealGateway.Ingest;

/// <summary>
/// A message that arrives flagged retained on an upstream topic was left on the broker earlier
/// (the terminal set the retain flag, or an external broker kept its last will); it would come
/// again at every gateway start. The gateway ignores it and clears it with an empty retained
/// publish (MQTT 3.1.1 section 3.3.1.3). The embedded broker never retains them in the first place.
/// </summary>
public static class RetainedUpstream
{
    public enum Reason
    {
        Retained,
    }

    public static bool IsStale(MqttApplicationMessage message, string channel) =>
        message.Retain && TopicAcl.UpstreamChannels.Contains(channel);

    /// <summary>The publish that deletes the retained message on this topic.</summary>
    public static MqttApplicationMessage Clearing(string topic) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithRetainFlag().WithPayload(Array.Empty<byte>()).Build();
}
