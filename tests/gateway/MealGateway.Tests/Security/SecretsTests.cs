using MealGateway.Accounts;
using MealGateway.Tests.ExactlyOnce;

namespace MealGateway.Tests.Security;

/// <summary>
/// Issue #14: `terminal add` silently replaced a live secret, secrets were taken as arguments
/// (visible in `ps`), databases were world-readable, an http:// county URL was accepted.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("secrets-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Data => Path.Combine(directory, "data");

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DataDirectoryAndDatabases_AreOwnerOnly()
    {
        await using (var gateway = await GatewayHost.StartAsync(new GatewayOptions { DataDirectory = Data, MqttPort = 0, HttpPort = 0 }))
        {
            gateway.Credentials.Provision("S01", "T01");
            Assert.Null(gateway.Accounts.Add("wang", OperatorRole.County, [], "a long enough password"));
        }

        Assert.Equal(DataFiles.DirectoryMode, File.GetUnixFileMode(Data));
        foreach (string name in new[] { "meals.db", "terminals.db", "accounts.db" })
        {
            Assert.Equal((name, DataFiles.FileMode), (name, File.GetUnixFileMode(Path.Combine(Data, name))));
        }
    }

    [Fact]
    public async Task TerminalAdd_RefusesAnExistingTerminal_UnlessRotating()
    {
        var first = await GatewayProcess.RunCommandAsync("terminal", "add", "--data", Data, "--site", "S01", "--terminal", "T01");
        Assert.Equal(0, first.Exit);
        string secret = first.Out.Split('\n').Single(l => l.StartsWith("mqtt.password=", StringComparison.Ordinal))["mqtt.password=".Length..].Trim();

        var again = await GatewayProcess.RunCommandAsync("terminal", "add", "--data", Data, "--site", "S01", "--terminal", "T01");

        Assert.Equal(2, again.Exit);
        Assert.Contains("--rotate", again.Error);
        Assert.Equal(MealGateway.Broker.CredentialCheck.Accepted, new MealGateway.Broker.CredentialStore(Data).Check("S01/T01", secret, out _));
        var rotated = await GatewayProcess.RunCommandAsync("terminal", "add", "--data", Data, "--site", "S01", "--terminal", "T01", "--rotate");
        Assert.Equal(0, rotated.Exit);
        Assert.Equal(MealGateway.Broker.CredentialCheck.WrongSecret, new MealGateway.Broker.CredentialStore(Data).Check("S01/T01", secret, out _));
    }

    [Theory]
    [InlineData("terminal", "add", "--site", "S01", "--terminal", "T01", "--secret", "visible-in-ps")]
    [InlineData("account", "add", "--name", "li", "--role", "county", "--password", "visible-in-ps-too")]
    [InlineData("run", "--broker", "127.0.0.1:1", "--broker-password", "visible-in-ps-three")]
    public async Task SecretsAsArguments_AreNotAccepted(params string[] args)
    {
        var result = await GatewayProcess.RunCommandAsync([.. args, "--data", Data]);

        Assert.NotEqual(0, result.Exit);
        Assert.False(File.Exists(Path.Combine(Data, "terminals.db")) && new MealGateway.Broker.CredentialStore(Data).All().Count > 0);
        Assert.False(File.Exists(Path.Combine(Data, "accounts.db")) && new AccountStore(Data, TimeProvider.System).All().Count > 0);
    }

    [Fact]
    public async Task AccountAdd_ReadsThePasswordFromAFile()
    {
        string file = Path.Combine(directory, "password.txt");
        await File.WriteAllTextAsync(file, "from a file, not ps\n");

        var result = await GatewayProcess.RunCommandAsync("account", "add", "--data", Data, "--name", "li", "--role", "township", "--site", "S01", "--password-file", file);

        Assert.Equal(0, result.Exit);
        Assert.Equal("li", new AccountStore(Data, TimeProvider.System).CheckPassword("li", "from a file, not ps")?.Id);
    }

    [Fact]
    public async Task PlainHttpCountyUrl_IsRefused()
    {
        var result = await GatewayProcess.RunCommandAsync("run", "--data", Data, "--county-url", "http://county.example/api", "--county-key-file", "none");

        Assert.Equal(2, result.Exit);
        Assert.Contains("https", result.Error);
        Assert.False(File.Exists(Path.Combine(Data, "meals.db")));
    }
}
