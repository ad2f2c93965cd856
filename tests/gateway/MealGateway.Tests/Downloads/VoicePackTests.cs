using System.Net;
using System.Net.Http.Headers;
using MealGateway.Downloads;
using MealGateway.Storage;
using MealGateway.Tests.Security;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Sync;
using MealTerminal.Core.Voice;

namespace MealGateway.Tests.Downloads;

/// <summary>Voice packs: the county's for every site, a site's own in its place; checked whole, versioned across both, offered once per version.</summary>
public sealed class VoicePackTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("voicepacks-").FullName;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = directory, MqttPort = 0, HttpPort = 0 });

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private SiteImages Images => gateway.Ingest.Channels.Downloads.Images;

    public static byte[] Pack(string language = "cmn", int clipBytes = 200)
    {
        var clips = new byte[Phrase.Count][];
        for (int p = 1; p < Phrase.Count; p++)
        {
            clips[p] = Enumerable.Repeat((byte)(100 + p), clipBytes).ToArray();
        }

        return VoicePackFormat.Build(1, 8000, language, clips);
    }

    private static ByteArrayContent Body(byte[] pack)
    {
        var content = new ByteArrayContent(pack);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    [Fact]
    public async Task TheCountysPack_ServesEverySite_UntilASiteUploadsItsOwn_AndVersionsOnlyGrow()
    {
        using var county = OperatorClients.County(gateway);
        using var township = OperatorClients.Township(gateway, "S01");

        Assert.Equal(HttpStatusCode.OK, (await county.PostAsync("/api/voicepacks", Body(Pack()))).StatusCode);
        Assert.Equal(1, Images.Current("S01", DownloadCodec.KindVoicePack)!.Version);
        Assert.Equal(1, Images.Current("S02", DownloadCodec.KindVoicePack)!.Version);

        Assert.Equal(HttpStatusCode.OK, (await township.PostAsync("/api/voicepacks/S01", Body(Pack("yue")))).StatusCode);
        var own = Images.Current("S01", DownloadCodec.KindVoicePack)!;
        Assert.Equal(2, own.Version);
        Assert.Equal("yue", System.Text.Encoding.ASCII.GetString(own.Image, 20, 3));
        Assert.Equal(1, Images.Current("S02", DownloadCodec.KindVoicePack)!.Version);

        Assert.Equal(HttpStatusCode.OK, (await county.PostAsync("/api/voicepacks", Body(Pack()))).StatusCode);
        Assert.Equal(3, Images.Current("S02", DownloadCodec.KindVoicePack)!.Version);
        Assert.Equal(2, Images.Current("S01", DownloadCodec.KindVoicePack)!.Version); // the site's own pack stays
    }

    [Fact]
    public async Task TheStoredPack_CarriesTheGatewaysVersion_AndStillChecks()
    {
        using var county = OperatorClients.County(gateway);
        await county.PostAsync("/api/voicepacks", Body(Pack()));
        await county.PostAsync("/api/voicepacks", Body(Pack()));
        var image = Images.Current("S07", DownloadCodec.KindVoicePack)!.Image;
        Assert.Equal(2u, LittleEndian.ReadUInt32(image, 8));
        Assert.Null(VoicePacks.Problem(image));
    }

    [Fact]
    public async Task OnlyTheCounty_SetsTheCountysPack_AndATownshipOnlyItsOwnSites()
    {
        using var township = OperatorClients.Township(gateway, "S01");
        using var host = OperatorClients.For(gateway, MealGateway.Accounts.OperatorRole.SiteHost, "S01");
        using var anonymous = new HttpClient { BaseAddress = county().BaseAddress };

        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync("/api/voicepacks", Body(Pack()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync("/api/voicepacks/S02", Body(Pack()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("/api/voicepacks/S01", Body(Pack()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/voicepacks/S01", Body(Pack()))).StatusCode);
        Assert.Empty(Images.All());

        HttpClient county() => OperatorClients.County(gateway);
    }

    public static TheoryData<string, Func<byte[], byte[]>, string> BadPacks => new()
    {
        { "a damaged byte", p => { p[p.Length / 2] ^= 1; return p; }, "校验失败" },
        { "a text file", _ => "卡号,老人编号\n"u8.ToArray(), "不是有效的语音包" },
        { "a clip outside the pack", p => { p[VoicePackFormat.HeaderSize + 8 + 3] = 0x7F; return p; }, "不是有效的语音包" },
        { "too large for the slot", _ => Pack(clipBytes: VoicePacks.MaxBytes / 30), "语音包太大" },
    };

    [Theory]
    [MemberData(nameof(BadPacks))]
    public async Task ABadPack_IsRefusedWithAReason_AndNothingIsStored(string what, Func<byte[], byte[]> spoil, string reason)
    {
        using var county = OperatorClients.County(gateway);
        var response = await county.PostAsync("/api/voicepacks", Body(spoil(Pack())));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.True(Images.All().Count == 0, what);
    }

    [Fact]
    public void ATerminalIsOfferedThePack_OncePerVersion_OnItsOwnSitesTopic()
    {
        Images.SetVoicePack(VoicePacks.County, Pack(), DateTime.UtcNow);
        var downloads = gateway.Ingest.Channels.Downloads;
        var first = downloads.OffersFor("S03", "T09", 0, 0).ToList();
        Assert.Equal("meal/v1/S03/T09/voice", Assert.Single(first).Topic);
        Assert.True(Assert.Single(first).Retain);
        Assert.Empty(downloads.OffersFor("S03", "T09", 0, 0));
        Images.SetVoicePack("S03", Pack("gan"), DateTime.UtcNow);
        Assert.Single(downloads.OffersFor("S03", "T09", 0, 0));
    }
}
