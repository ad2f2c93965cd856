using System.Net;
using System.Net.Sockets;
using System.Text;
using MealGateway;
using MealGateway.Tests;

namespace MealTerminal.Simulator.Tests.Keyboard;

/// <summary>
/// Issue #16's keyboard terminal fixes, each pinned: it ticks while nothing is typed (it used to block
/// on Console.ReadLine: no heartbeats, no downloads), says in Chinese when the broker refuses it or
/// cannot be reached (it said nothing), 'h' is the host button (there was none), and the site's first
/// roster from the gateway replaces the built-in one (which claimed version 1 and blocked it).
/// </summary>
public sealed class KeyboardTerminalTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("keyboard-").FullName;
    private readonly SteppedTime time = new(new DateTimeOffset(2026, 11, 23, 2, 40, 0, TimeSpan.Zero));
    private readonly ScreenLog screen = new();
    private GatewayHost gateway = null!;

    public async Task InitializeAsync()
    {
        gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = Path.Combine(directory, "gateway"), MqttPort = 0, HttpPort = 0 });
        using var http = MealGateway.Tests.Security.OperatorClients.Township(gateway, "S01");
        var roster = await http.PostAsync($"{gateway.HttpUrl}/api/rosters/S01", new StringContent("卡号,老人编号,类别\n04A1B2C3D4E5F6,1,普通\n1A2B3C4D,3,低保\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task WhileNothingIsTyped_TheTerminalKeepsSendingHeartbeatsAndTakesTheSitesRoster()
    {
        await using var t = Terminal(gateway.MqttPort, gateway.Credentials.Provision("S01", "T01"));
        var keyboard = new ScriptedKeyboard(
            When(() => t.Core.Heartbeat.HeartbeatsSent >= 1 && t.Core.Rosters.Active.EntryCount == 2, null, () => time.Advance(TimeSpan.FromSeconds(61))),
            When(() => t.Core.Heartbeat.HeartbeatsSent >= 2, string.Empty));

        await Run(t, keyboard);

        Assert.True(t.Core.Heartbeat.HeartbeatsSent >= 2);
        Assert.Equal(1u, t.Core.Rosters.ActiveVersion);
        Assert.True(keyboard.Polls > 1, "the loop should have passed many times with nothing typed");
    }

    [Fact]
    public async Task TheSitesFirstRosterFromTheGateway_ReplacesTheBuiltInRoster()
    {
        await using var t = Terminal(gateway.MqttPort, gateway.Credentials.Provision("S01", "T01"));
        await Run(t, new ScriptedKeyboard(When(() => t.Core.Rosters.Active.EntryCount == 2, string.Empty))); // the site's two cards, not the demo's

        Assert.Equal((1u, 2), (t.Core.Rosters.ActiveVersion, t.Core.Rosters.Active.EntryCount));
        Assert.Contains("已安装网关下发的名册第 1 版", screen.Text);
    }

    [Fact]
    public async Task ABrokerRefusingTheLogin_IsToldInOneChineseLine()
    {
        gateway.Credentials.Provision("S01", "T01");
        await using var t = Terminal(gateway.MqttPort, "not-the-secret");
        await Run(t, new ScriptedKeyboard(When(() => screen.Text.Contains("拒绝登录"), string.Empty)));

        Assert.Contains($"broker 127.0.0.1:{gateway.MqttPort} 拒绝登录", screen.Text);
        Assert.Contains("请检查 --site/--terminal 和密码", screen.Text);
    }

    [Fact]
    public async Task ABrokerThatCannotBeReached_IsToldInOneChineseLine()
    {
        int closed = ClosedPort();
        await using var t = Terminal(closed, "secret");
        await Run(t, new ScriptedKeyboard(When(() => screen.Text.Contains("连不上 broker"), string.Empty)));

        Assert.Contains($"连不上 broker 127.0.0.1:{closed}，稍后自动重试", screen.Text);
    }

    [Fact]
    public async Task TheHKey_IsTheHostButton_AndShowsTheHostReview()
    {
        await using var t = Terminal(ClosedPort(), "secret");
        await Run(t, new ScriptedKeyboard(When(() => true, KeyboardTerminal.HostKey), When(() => true, string.Empty)));

        Assert.True(t.Feedback.Last is not null, "'h' showed no screen");
        Assert.StartsWith("今日用餐", t.Feedback.Last.Line1);
        Assert.DoesNotContain("a card UID is hex digits", screen.Text); // "h" was read as a malformed UID before
    }

    private static ScriptedKeyboard.Step When(Func<bool> when, string? line, Action? then = null) => new(when, line, then);

    private SimulatedTerminal Terminal(int port, string password) =>
        new("S01", "T01", Path.Combine(directory, "T01.flash"), "127.0.0.1", port, password: password);

    private async Task Run(SimulatedTerminal t, ScriptedKeyboard keyboard)
    {
        using var stop = new CancellationTokenSource();
        try
        {
            await HangGuard.Of(KeyboardTerminal.RunAsync(t, keyboard, screen, time, stop.Token), "the keyboard terminal's script");
        }
        finally
        {
            stop.Cancel();
        }
    }

    /// <summary>A loopback port nothing listens on (the OS gave it, then it was closed).</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
