using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MealGateway;
using MealTerminal.Core.Display;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Sync;
using MealTerminal.Simulator.Display;

namespace MealTerminal.Simulator.Tests;

/// <summary>
/// The font image from the gateway to a terminal over real MQTT (issue #18): the gateway stores the
/// shipped image at start, a W25Q128 terminal with no font fetches it in chunks - surviving a power
/// cut half-way - and then draws the elder's (masked) name in its glyphs; a newer image the county
/// uploads is fetched the same way, and a power cut half-way through it leaves the old font drawing.
/// </summary>
public sealed class FontOverMqttTests : IAsyncLifetime
{
    /// <summary>Only turns a hang into a failure: the terminal runs in real time and waits on messages.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    private readonly string directory = Directory.CreateTempSubdirectory("font-").FullName;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = Path.Combine(directory, "gateway"), MqttPort = 0, HttpPort = 0, FontImagePath = ShippedFont.ImagePath() });

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ATerminalWithNoFont_GetsTheShippedFontFromTheGateway_ThroughAPowerCut_AndDrawsTheEldersName()
    {
        using var township = MealGateway.Tests.Security.OperatorClients.Township(gateway, "S09");
        var roster = await township.PostAsync($"{gateway.HttpUrl}/api/rosters/S09",
            new StringContent($"卡号,老人编号,类别,状态,起始日期,截止日期,姓名\n04215263800001,10001,{ElderCategory.ChineseName(0)},正常,2024-01-01,,王秀英\n", Encoding.UTF8, "text/csv"));
        Assert.True(roster.StatusCode == HttpStatusCode.OK, await roster.Content.ReadAsStringAsync());

        string secret = gateway.Credentials.Provision("S09", "T01");
        string flash = Path.Combine(directory, "T01.flash");
        var terminal = Start(flash, secret);
        Assert.True(await terminal.RunUntilAsync(FontHalfDone(terminal), HangLimit), "no font chunks arrived");
        Assert.Equal(0u, terminal.Core.Fonts.InstalledVersion);
        await terminal.DisposeAsync(); // power cut half-way through the font

        terminal = Start(flash, secret);
        Assert.Null(terminal.Core.Fonts.Active);
        Assert.True(await terminal.RunUntilAsync(() => terminal.Core.Fonts.InstalledVersion == 1 && terminal.Core.Rosters.ActiveVersion == 1, HangLimit), "the font did not arrive");
        Assert.Equal(1, terminal.Core.Downloads.Resumes);
        AssertDrawsTheMaskedName(terminal);

        using var county = MealGateway.Tests.Security.OperatorClients.County(gateway);
        var body = new ByteArrayContent(File.ReadAllBytes(ShippedFont.ImagePath()));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, (await county.PostAsync($"{gateway.HttpUrl}/api/fontimage", body)).StatusCode);
        Assert.True(await terminal.RunUntilAsync(FontHalfDone(terminal), HangLimit), "no chunks of the new font arrived");
        await terminal.DisposeAsync(); // power cut half-way through the new font

        terminal = Start(flash, secret);
        Assert.Equal(1u, terminal.Core.Fonts.InstalledVersion);
        AssertDrawsTheMaskedName(terminal); // the old font, whole
        Assert.True(await terminal.RunUntilAsync(() => terminal.Core.Fonts.InstalledVersion == 2, HangLimit), "the new font did not arrive");
        Assert.True(terminal.Core.Fonts.Active!.Verify());
        await terminal.DisposeAsync();
    }

    private SimulatedTerminal Start(string flash, string secret)
    {
        var terminal = new SimulatedTerminal("S09", "T01", flash, "127.0.0.1", gateway.MqttPort, password: secret, flashSectors: SimulatedTerminal.LargeFlashSectors);
        terminal.Clock.SetUtc(DateTime.UtcNow);
        terminal.Boot();
        return terminal;
    }

    private static Func<bool> FontHalfDone(SimulatedTerminal terminal) =>
        () => terminal.Core.Downloads.ActiveKind == DownloadCodec.KindFont && terminal.Core.Downloads.BytesDone >= 800 * 1024;

    /// <summary>The verdict screen of a tap, drawn with the terminal's font, shows 王＊英 as the shipped font draws it - not as boxes.</summary>
    private static void AssertDrawsTheMaskedName(SimulatedTerminal terminal)
    {
        var lunch = new DateTime(2026, 11, 23, 3, 40, 0, DateTimeKind.Utc); // 11:40 in China
        var screen = terminal.Tap(lunch, Convert.FromHexString("04215263800001"));
        Assert.True(VerdictCode.IsMeal(screen.Verdict) || screen.Verdict == VerdictCode.AlreadyEaten, $"verdict {screen.Verdict}");
        Assert.Equal("王＊英", CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetString(screen.Name, 0, screen.NameLength));

        var drawn = Draw(screen, terminal.Core.Fonts.Active);
        Assert.Equal(Draw(screen, ShippedFont.Load()), drawn);
        Assert.NotEqual(Draw(screen, null), drawn);
    }

    private static int[] Draw(Screen screen, MealTerminal.Core.Fonts.FontSlot? font)
    {
        var renderer = new ColourScreenRenderer();
        renderer.Text.Font = font;
        var panel = new ColourPanel();
        renderer.Render(screen, panel);
        return Enumerable.Range(0, ColourPanel.PanelWidth * ColourPanel.PanelHeight).Select(i => panel.Pixel(i % ColourPanel.PanelWidth, i / ColourPanel.PanelWidth)).ToArray();
    }
}
