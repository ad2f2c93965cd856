namespace MealGateway;

/// <summary>How to run a gateway: where its data lives and which ports it serves.</summary>
public sealed record GatewayOptions
{
    public string DataDirectory { get; init; } = "data";

    /// <summary>MQTT port of the embedded broker; 0 picks a free port.</summary>
    public int MqttPort { get; init; } = 1883;

    /// <summary>HTTP port; 0 picks a free port.</summary>
    public int HttpPort { get; init; } = 5080;

    /// <summary>Bind broker and HTTP to 127.0.0.1 only (tests, demo) instead of all interfaces.</summary>
    public bool LoopbackOnly { get; init; } = true;

    public int UtcOffsetMinutes { get; init; } = 8 * 60;

    /// <summary>
    /// Connect to this broker (Mosquitto, EMQX...) as a client instead of embedding one. Terminal
    /// logins and topic ACLs are then the external broker's job (docs/architecture.md).
    /// </summary>
    public Ingest.BrokerConnection? ExternalBroker { get; init; }
}
