using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using MQTTnet;
using MQTTnet.Protocol;

namespace MealGateway.Downloads;

/// <summary>Why a fetch or time request was refused; counted per terminal like refused batches.</summary>
public enum RequestRejection
{
    None = 0,
    Malformed,
}

/// <summary>
/// The gateway's side of roster, config, voice pack, font image and time (docs/protocol.md): retained offers of each site's
/// current images, chunks answered from memory, time answered with the gateway's clock.
/// </summary>
public sealed class DownloadService(SiteImages images, TimeProvider time)
{
    public const int ChunkSize = 1024;

    /// <summary>The voice pack and font versions last offered to each terminal ("kind:site/terminal"): heartbeats do not report the pack or font a terminal runs.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> countyWideOffered = new();

    public SiteImages Images => images;

    /// <summary>The retained offer of a site's image for one of its terminals.</summary>
    public static MqttApplicationMessage Offer(string terminal, SiteImage image) => Offer(image.Site, terminal, image);

    /// <summary>The retained offer of an image for a terminal of a site (a county-wide voice pack is offered on each site's topics).</summary>
    public static MqttApplicationMessage Offer(string site, string terminal, SiteImage image)
    {
        var payload = new byte[DownloadCodec.OfferSize];
        DownloadCodec.EncodeOffer(payload, image.Kind, (uint)image.Version, image.Image.Length, (uint)image.Crc, ChunkSize);
        return new MqttApplicationMessageBuilder()
            .WithTopic(Topics.For(site, terminal, SiteImage.KindName(image.Kind)))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .Build();
    }

    /// <summary>Offers a terminal every image of its site that is newer than the versions its heartbeat reports.</summary>
    public IEnumerable<MqttApplicationMessage> OffersFor(string site, string terminal, uint rosterVersion, uint configVersion)
    {
        var config = images.Current(site, DownloadCodec.KindConfig);
        if (config is not null && config.Version > configVersion)
        {
            yield return Offer(terminal, config); // first: a terminal that has both offers fetches the config first
        }

        var roster = images.Current(site, DownloadCodec.KindRoster);
        if (roster is not null && roster.Version > rosterVersion)
        {
            yield return Offer(terminal, roster);
        }

        foreach (int kind in new[] { DownloadCodec.KindVoicePack, DownloadCodec.KindFont })
        {
            var image = images.Current(site, kind);
            string key = $"{kind}:{site}/{terminal}";
            if (image is not null && (!countyWideOffered.TryGetValue(key, out long offered) || offered != image.Version))
            {
                countyWideOffered[key] = image.Version; // once per version and gateway run: the offer is retained, the terminal fetches only a newer one
                yield return Offer(site, terminal, image);
            }
        }
    }

    /// <summary>Answers a fetch with the chunk, or with "gone" when the site no longer has that version.</summary>
    public RequestRejection AnswerFetch(string site, string terminal, byte[] payload, out MqttApplicationMessage? answer)
    {
        answer = null;
        if (!DownloadCodec.TryDecodeFetch(payload, payload.Length, out int kind, out uint version, out int offset, out int count))
        {
            return RequestRejection.Malformed;
        }

        var image = images.Current(site, kind);
        var chunk = new byte[DownloadCodec.MaxChunk + DownloadCodec.ChunkOverhead];
        int length;
        if (image is null || image.Version != version)
        {
            length = DownloadCodec.EncodeChunk(chunk, kind, DownloadCodec.StatusGone, version, offset, [], 0, 0);
        }
        else if ((long)offset + count > image.Image.Length)
        {
            length = DownloadCodec.EncodeChunk(chunk, kind, DownloadCodec.StatusRefused, version, offset, [], 0, 0);
        }
        else
        {
            length = DownloadCodec.EncodeChunk(chunk, kind, DownloadCodec.StatusOk, version, offset, image.Image, offset, count);
        }

        answer = Downstream(site, terminal, "chunk", chunk[..length]);
        return RequestRejection.None;
    }

    /// <summary>Answers a time request with the gateway's UTC time and the request's nonce.</summary>
    public RequestRejection AnswerTime(string site, string terminal, byte[] payload, out MqttApplicationMessage? answer)
    {
        answer = null;
        if (!TimeCodec.TryDecodeRequest(payload, payload.Length, out uint nonce))
        {
            return RequestRejection.Malformed;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var bytes = new byte[TimeCodec.AnswerSize];
        TimeCodec.EncodeAnswer(bytes, nonce, LocalTime.ToRecordSeconds(now), now.Millisecond);
        answer = Downstream(site, terminal, "time", bytes);
        return RequestRejection.None;
    }

    private static MqttApplicationMessage Downstream(string site, string terminal, string channel, byte[] payload) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(Topics.For(site, terminal, channel))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
}
