using System.Net;
using System.Net.Http.Headers;
using MealGateway.Downloads;
using MealGateway.Tests.Security;
using MealTerminal.Core.Fonts;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Sync;

namespace MealGateway.Tests.Downloads;

/// <summary>The county's font image (download kind 4): stored from the shipped file or an upload, checked whole, versioned, offered to every site's terminals.</summary>
public sealed class FontImageTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("fontimages-").FullName;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await Start();

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private SiteImages Images => gateway.Ingest.Channels.Downloads.Images;

    private Task<GatewayHost> Start(string? fontImage = null) =>
        GatewayHost.StartAsync(new GatewayOptions { DataDirectory = Path.Combine(directory, "data"), MqttPort = 0, HttpPort = 0, FontImagePath = fontImage });

    /// <summary>An image with 8- and 9-pixel glyphs of a few cells: the format of the shipped one, 160 KB.</summary>
    public static byte[] Image(uint version = 7)
    {
        var builder = new FontImageBuilder([8, 9]);
        foreach (int cell in new[] { 0, 4 * 94, 1500, 8835 })
        {
            builder.SetCell(0, cell, Enumerable.Repeat((byte)(cell & 0xFF), 8).ToArray());
            builder.SetCell(1, cell, Enumerable.Repeat((byte)(cell >> 8), 18).ToArray());
        }

        return builder.Finish(version);
    }

    private static ByteArrayContent Body(byte[] image)
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    [Fact]
    public async Task TheCountysUpload_ServesEverySite_WithTheGatewaysVersion_AndStillChecks()
    {
        using var county = OperatorClients.County(gateway);
        Assert.Equal(HttpStatusCode.OK, (await county.PostAsync("/api/fontimage", Body(Image()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.PostAsync("/api/fontimage", Body(Image()))).StatusCode);

        var s01 = Images.Current("S01", DownloadCodec.KindFont)!;
        Assert.Same(s01, Images.Current("S77", DownloadCodec.KindFont));
        Assert.Equal(2, s01.Version);
        Assert.Equal(2u, LittleEndian.ReadUInt32(s01.Image, 8));
        Assert.Null(FontImages.Problem(s01.Image));
        Assert.Equal(Image()[FontFormat.HeaderSize..], s01.Image[FontFormat.HeaderSize..]);
    }

    [Fact]
    public async Task OnlyTheCounty_SetsTheFont()
    {
        using var township = OperatorClients.Township(gateway, "S01");
        using var host = OperatorClients.For(gateway, MealGateway.Accounts.OperatorRole.SiteHost, "S01");
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync("/api/fontimage", Body(Image()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("/api/fontimage", Body(Image()))).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = township.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/fontimage", Body(Image()))).StatusCode);
        Assert.Empty(Images.All());
    }

    public static TheoryData<string, Func<byte[], byte[]>, string> BadImages => new()
    {
        { "a damaged glyph byte", i => { i[i.Length / 2] ^= 1; return i; }, "字库校验失败" },
        { "a damaged header", i => { i[20] = 10; return i; }, "不是有效的字库文件" },
        { "cut short", i => i[..(i.Length - 100)], "不是有效的字库文件" },
        { "a voice pack", _ => VoicePackTests.Pack(), "不是有效的字库文件" },
        { "a text file", _ => "卡号,老人编号\n"u8.ToArray(), "不是有效的字库文件" },
        { "too large for the slot", _ => new byte[FontImages.MaxBytes + 1], "字库太大" },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task ABadImage_IsRefusedWithAReason_AndTheFontInForceStays(string what, Func<byte[], byte[]> spoil, string reason)
    {
        using var county = OperatorClients.County(gateway);
        await county.PostAsync("/api/fontimage", Body(Image()));
        var response = await county.PostAsync("/api/fontimage", Body(spoil(Image())));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.True(Images.All().Single().Version == 1, what);
    }

    [Fact]
    public async Task TheShippedFile_IsStoredAtStart_OnlyWhileTheCountyHasNoFont()
    {
        string shipped = Path.Combine(directory, "shipped.fnt");
        File.WriteAllBytes(shipped, Image(version: 40));
        await gateway.DisposeAsync();
        gateway = await Start(shipped);
        Assert.Equal(1, Images.Current("S01", DownloadCodec.KindFont)!.Version);

        using (var county = OperatorClients.County(gateway))
        {
            await county.PostAsync("/api/fontimage", Body(Image()));
        }

        await gateway.DisposeAsync();
        gateway = await Start(shipped);
        Assert.Equal(2, Images.Current("S01", DownloadCodec.KindFont)!.Version); // the county's upload stays in force
    }

    [Fact]
    public async Task AShippedFileThatIsMissingOrBroken_StopsTheStart_WithALineToActOn()
    {
        await gateway.DisposeAsync();
        var missing = await Assert.ThrowsAsync<GatewayStartException>(() => Start(Path.Combine(directory, "none.fnt")));
        Assert.Contains("找不到字库文件", missing.Message);

        string broken = Path.Combine(directory, "broken.fnt");
        var image = Image();
        image[^1] ^= 1;
        File.WriteAllBytes(broken, image);
        var refused = await Assert.ThrowsAsync<GatewayStartException>(() => Start(broken));
        Assert.Contains("字库校验失败", refused.Message);
        gateway = await Start();
        Assert.Empty(Images.All());
    }

    [Fact]
    public void ATerminalIsOfferedTheFont_OncePerVersion_OnItsOwnSitesTopic()
    {
        Images.SetFontImage(Image(), "test", DateTime.UtcNow);
        var downloads = gateway.Ingest.Channels.Downloads;
        var first = downloads.OffersFor("S03", "T09", 0, 0).ToList();
        Assert.Equal("meal/v1/S03/T09/font", Assert.Single(first).Topic);
        Assert.True(Assert.Single(first).Retain);
        Assert.Empty(downloads.OffersFor("S03", "T09", 0, 0));
        Images.SetFontImage(Image(), "test", DateTime.UtcNow);
        Assert.Single(downloads.OffersFor("S03", "T09", 0, 0));
    }
}
