using MealTerminal.Core.Integrity;
using MealTerminal.Core.Sync;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>
/// The gateway's download side in miniature: offers one roster and one config image over a
/// LoopbackUplink and answers the terminal's fetches with chunks, the way MealGateway does. Tests
/// can corrupt a chunk on the way or replace an image mid-download.
/// </summary>
public sealed class ImageServer(LoopbackUplink uplink, int chunkSize = 1024)
{
    private readonly Dictionary<int, (uint Version, byte[] Image)> images = new();
    private int seen;

    /// <summary>Fetches answered so far, as (kind, offset, length, version asked for).</summary>
    public List<(int Kind, int Offset, int Length, uint Version)> Fetches { get; } = new();

    /// <summary>Zero-based number of a chunk answer whose data is damaged on the way (its CRC then fails), or -1.</summary>
    public int CorruptAnswer { get; set; } = -1;

    /// <summary>Announces an image; the offer is what a retained message would hand a (re)connecting terminal.</summary>
    public void Offer(int kind, uint version, byte[] image, uint? announcedCrc = null)
    {
        images[kind] = (version, image);
        var offer = new byte[DownloadCodec.OfferSize];
        DownloadCodec.EncodeOffer(offer, kind, version, image.Length, announcedCrc ?? Crc32.Compute(image, 0, image.Length), chunkSize);
        uplink.Deliver(kind == DownloadCodec.KindRoster ? UplinkChannel.RosterOffer : kind == DownloadCodec.KindConfig ? UplinkChannel.ConfigOffer
            : kind == DownloadCodec.KindFont ? UplinkChannel.FontOffer : UplinkChannel.VoiceOffer, offer);
    }

    /// <summary>Answers the fetches published since the last call.</summary>
    public void Serve()
    {
        var published = uplink.Published;
        for (; seen < published.Count; seen++)
        {
            if (published[seen].Channel != UplinkChannel.Fetch)
            {
                continue;
            }

            var request = published[seen].Payload;
            Assert.True(DownloadCodec.TryDecodeFetch(request, request.Length, out int kind, out uint version, out int offset, out int count));
            var answer = new byte[DownloadCodec.MaxChunk + DownloadCodec.ChunkOverhead];
            int length;
            if (!images.TryGetValue(kind, out var current) || current.Version != version)
            {
                length = DownloadCodec.EncodeChunk(answer, kind, DownloadCodec.StatusGone, version, offset, [], 0, 0);
            }
            else
            {
                Assert.InRange(offset + count, 1, current.Image.Length);
                length = DownloadCodec.EncodeChunk(answer, kind, DownloadCodec.StatusOk, version, offset, current.Image, offset, count);
                if (Fetches.Count == CorruptAnswer)
                {
                    answer[DownloadCodec.ChunkHeaderSize + (count / 2)] ^= 0x40;
                }
            }

            Fetches.Add((kind, offset, count, version));
            uplink.Deliver(UplinkChannel.Chunk, answer[..length]);
        }
    }
}
