namespace MealGateway.Terminals;

/// <summary>What the operator is told about a terminal's connection.</summary>
public enum Liveness
{
    /// <summary>A heartbeat arrived within <see cref="TerminalLiveness.SilentAfter"/>.</summary>
    Online,

    /// <summary>The broker delivered the terminal's last will: its connection broke.</summary>
    Offline,

    /// <summary>
    /// No heartbeat for <see cref="TerminalLiveness.SilentAfter"/> though the retained status still
    /// says online (a hung terminal, a half-open connection, a broker that never noticed).
    /// </summary>
    Silent,

    /// <summary>Provisioned or uploaded, but no status was ever received.</summary>
    NeverSeen,
}

/// <summary>
/// The gateway's own judgement of a terminal's connection: terminals heartbeat every minute, so
/// three minutes without one means silent, whatever the retained status says. On the same clock
/// as the <see cref="StatusBoard"/> that stamps each heartbeat.
/// </summary>
public sealed class TerminalLiveness(TimeProvider clock)
{
    public static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(3);

    public Liveness Of(TerminalStatusView? status)
    {
        if (status is null)
        {
            return Liveness.NeverSeen;
        }

        if (!status.Online)
        {
            return Liveness.Offline;
        }

        var last = status.LastHeartbeatUtc ?? status.ReceivedUtc;
        return clock.GetUtcNow().UtcDateTime - last >= SilentAfter ? Liveness.Silent : Liveness.Online;
    }

    /// <summary>The Chinese word the console shows.</summary>
    public static string Label(Liveness liveness) => liveness switch
    {
        Liveness.Online => "在线",
        Liveness.Offline => "离线",
        Liveness.Silent => "静默",
        _ => "未连接过",
    };
}
