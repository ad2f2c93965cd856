namespace MealGateway;

/// <summary>How to run a gateway: where its data lives and which ports it serves.</summary>
public sealed record GatewayOptions
{
    public string DataDirectory { get; init; } = "data";

    /// <summary>MQTT port of the embedded broker; 0 picks a free port.</summary>
    public int MqttPort { get; init; } = 1883;

    /// <summary>HTTP port; 0 picks a free port.</summary>
    public int HttpPort { get; init; } = 5080;

    /// <summary>
    /// Address the embedded broker listens on: loopback by default; the site network's interface
    /// address (or 0.0.0.0) when terminals connect from other machines. One address family only:
    /// 0.0.0.0 or an IPv4 address never opens IPv6, "::" opens both (docs/deploy.md).
    /// </summary>
    public System.Net.IPAddress MqttBind { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>Address the HTTP API listens on, separately from the broker's: loopback by default.</summary>
    public System.Net.IPAddress HttpBind { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>PKCS#12 (.pfx) certificate file: the HTTP API then serves https only, and session cookies are Secure.</summary>
    public string? HttpsCertificatePath { get; init; }

    /// <summary>The certificate file's password, if it has one.</summary>
    public string? HttpsCertificatePassword { get; init; }

    /// <summary>Host names (besides localhost and the loopback and bind addresses) the HTTP API answers to; others get 400.</summary>
    public IReadOnlyList<string> HttpHostNames { get; init; } = [];

    public int UtcOffsetMinutes { get; init; } = 8 * 60;

    /// <summary>The clock of operator sessions, bearer tokens and login throttles (tests move it by hand).</summary>
    public TimeProvider SecurityClock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Connect to this broker (Mosquitto, EMQX...) as a client instead of embedding one. Terminal
    /// logins and topic ACLs are then the external broker's job (docs/architecture.md).
    /// </summary>
    public Ingest.BrokerConnection? ExternalBroker { get; init; }

    /// <summary>The county's subsidy policy file (docs/policy.md); without one nothing is settled.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>The county's rule for elders' names on terminal screens, applied when a roster image is built.</summary>
    public Downloads.NameDisplay RosterNames { get; init; } = Downloads.NameDisplay.Masked;

    /// <summary>
    /// The font image stored for the county at start when it has none yet (`run` passes the one
    /// shipped beside the gateway, Fonts/gb2312-24-32.fnt); null stores none (tests upload their own).
    /// </summary>
    public string? FontImagePath { get; init; }

    /// <summary>This gateway's id towards the county platform; part of every idempotency key.</summary>
    public string GatewayId { get; init; } = "gw-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>Where and how to forward statements; null keeps them in the outbox.</summary>
    public County.CountyOptions? County { get; init; }

    /// <summary>Backoff and jitter between attempts to deliver one outbox entry.</summary>
    public MealGateway.County.RetrySchedule CountyRetry { get; init; } = MealGateway.County.RetrySchedule.Default;

    /// <summary>The gateway's clock for settlement (which days and months are finished or not yet begun); tests move it by hand.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The clock that stamps terminal heartbeats and judges a terminal silent after three minutes
    /// without one (Terminals/TerminalLiveness); tests and the console screenshots move it by hand.
    /// </summary>
    public TimeProvider StatusClock { get; init; } = TimeProvider.System;

    /// <summary>How often finished days and months that changed are settled (and the policy file re-read).</summary>
    public TimeSpan SettleInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The enrolment desk's MFRC522 (DeskReader/), e.g. /dev/spidev0.0 opened by `run --desk-reader spi0.0`;
    /// null (the default) leaves the desk reader off. The gateway owns and closes it.
    /// </summary>
    public System.Device.Spi.SpiDevice? DeskReader { get; init; }
}
