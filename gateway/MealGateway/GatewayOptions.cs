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

    /// <summary>The county's subsidy policy file (docs/policy.md); without one nothing is settled.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>This gateway's id towards the county platform; part of every idempotency key.</summary>
    public string GatewayId { get; init; } = "gw-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>Where and how to forward statements; null keeps them in the outbox.</summary>
    public County.CountyOptions? County { get; init; }

    /// <summary>Backoff and jitter between attempts to deliver one outbox entry.</summary>
    public MealGateway.County.RetrySchedule CountyRetry { get; init; } = MealGateway.County.RetrySchedule.Default;

    /// <summary>The gateway's clock for settlement (which days and months are finished or not yet begun); tests move it by hand.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often finished days and months that changed are settled (and the policy file re-read).</summary>
    public TimeSpan SettleInterval { get; init; } = TimeSpan.FromMinutes(10);
}
