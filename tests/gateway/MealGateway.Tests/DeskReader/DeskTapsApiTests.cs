using System.Net;
using System.Text.Json;
using MealGateway.Accounts;
using MealGateway.Tests.Security;

namespace MealGateway.Tests.DeskReader;

/// <summary>A gateway started with a desk reader (here the emulated MFRC522) keeps its taps for township operators.</summary>
public sealed class DeskTapsApiTests : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "desk-api-" + Guid.NewGuid().ToString("N"));
    private readonly RfField field = new();
    private EmulatedMfrc522 chip = null!;
    private GatewayHost gateway = null!;

    public async Task InitializeAsync()
    {
        chip = new EmulatedMfrc522(field);
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = 0, DeskReader = chip });
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task ATapAtTheDesk_ShowsForATownshipOperator_WithTheRostersCardForm()
    {
        var tapped = gateway.DeskTaps!.NextAsync();
        field.Place(new EmulatedCard(Convert.FromHexString("04A1B2C3D4E5F6")));
        await HangGuard.Of(tapped, "the desk reader's tap");

        using var township = OperatorClients.Township(gateway, "S01");
        using var answer = JsonDocument.Parse(await township.GetStringAsync("/api/desk/taps"));
        var tap = answer.RootElement.GetProperty("taps")[0];
        Assert.Equal("04A1B2C3D4E5F6", tap.GetProperty("card").GetString());
        Assert.Equal(7, tap.GetProperty("uidLength").GetInt32());
        Assert.True(answer.RootElement.GetProperty("reader").GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task TheDeskTaps_AreRefusedToASiteHostAndToAnonymousCallers()
    {
        using var siteHost = OperatorClients.For(gateway, OperatorRole.SiteHost, "S01");
        Assert.Equal(HttpStatusCode.Forbidden, (await siteHost.GetAsync("/api/desk/taps")).StatusCode);

        using var anonymous = new HttpClient { BaseAddress = new Uri(gateway.HttpUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/desk/taps")).StatusCode);
    }

    [Fact]
    public async Task StoppingTheGateway_SwitchesTheReaderOffAndClosesItsSpiDevice()
    {
        await gateway.DisposeAsync();
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = 0 });

        Assert.True(chip.Disposed);
    }

    [Fact]
    public async Task AGatewayWithoutADeskReader_AnswersNotFoundWithWhy()
    {
        await gateway.DisposeAsync();
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = data, MqttPort = 0, HttpPort = 0 });

        using var township = OperatorClients.Township(gateway, "S01");
        var answer = await township.GetAsync("/api/desk/taps");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("未启用发卡读卡器", await answer.Content.ReadAsStringAsync());
    }
}
