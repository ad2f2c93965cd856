using MealGateway.Ingest;
using MQTTnet;

namespace MealGateway.Terminals;

/// <summary>
/// Everything a terminal sends besides record batches: its heartbeat (and last will). Each payload
/// is decoded strictly; a refusal is counted for the operator and changes nothing.
/// </summary>
public sealed class TerminalChannels(StatusBoard statuses, RejectionCounts rejections, ILogger logger)
{
    /// <summary>Upstream channels handled here, besides records.</summary>
    public static readonly string[] Channels = ["status"];

    public StatusBoard Statuses => statuses;

    /// <summary>Handles one message; publish sends a downstream answer.</summary>
    public Task HandleAsync(string site, string terminal, string channel, ReadOnlyMemory<byte> payload, Func<MqttApplicationMessage, Task> publish)
    {
        switch (channel)
        {
            case "status":
                var rejection = StatusDecoder.TryDecode(payload.Span, out var report);
                if (rejection != StatusRejection.None)
                {
                    Refuse(site, terminal, channel, rejection);
                }
                else
                {
                    statuses.Record(site, terminal, report!);
                }

                break;
        }

        return Task.CompletedTask;
    }

    private void Refuse(string site, string terminal, string channel, Enum reason)
    {
        rejections.Count(site, terminal, channel, reason);
        logger.LogWarning("Refused {Channel} from {Site}/{Terminal}: {Reason}", channel, site, terminal, reason);
    }
}
