using MealGateway.Downloads;
using MealGateway.Ingest;
using MQTTnet;

namespace MealGateway.Terminals;

/// <summary>
/// Everything a terminal sends besides record batches: its heartbeat (and last will), time requests
/// and chunk fetches. Each payload is decoded strictly; a refusal is counted for the operator and
/// changes nothing. A heartbeat reporting an older roster or config than the site's gets the offer.
/// </summary>
public sealed class TerminalChannels(StatusBoard statuses, DownloadService downloads, RejectionCounts rejections, Ingest.RefusalLog refusalLog)
{
    /// <summary>Upstream channels handled here, besides records.</summary>
    public static readonly string[] Channels = ["status", "time-req", "fetch"];

    public StatusBoard Statuses => statuses;

    public DownloadService Downloads => downloads;

    /// <summary>Handles one message; publish sends a downstream answer.</summary>
    public async Task HandleAsync(string site, string terminal, string channel, ReadOnlyMemory<byte> payload, Func<MqttApplicationMessage, Task> publish)
    {
        MqttApplicationMessage? answer = null;
        RequestRejection refused = RequestRejection.None;
        switch (channel)
        {
            case "status":
                var rejection = StatusDecoder.TryDecode(payload.Span, out var report);
                if (rejection != StatusRejection.None)
                {
                    Refuse(site, terminal, channel, rejection);
                    return;
                }

                statuses.Record(site, terminal, report!);
                if (report!.Online)
                {
                    foreach (var offer in downloads.OffersFor(site, terminal, report.RosterVersion, report.ConfigVersion))
                    {
                        await publish(offer);
                    }
                }

                return;
            case "time-req":
                refused = downloads.AnswerTime(site, terminal, payload.ToArray(), out answer);
                break;
            case "fetch":
                refused = downloads.AnswerFetch(site, terminal, payload.ToArray(), out answer);
                break;
        }

        if (refused != RequestRejection.None)
        {
            Refuse(site, terminal, channel, refused);
        }
        else if (answer is not null)
        {
            await publish(answer);
        }
    }

    private void Refuse(string site, string terminal, string channel, Enum reason)
    {
        rejections.Count(site, terminal, channel, reason);
        refusalLog.Note(site, terminal, channel, reason.ToString());
    }
}
