using System.Text;
using MealGateway.Broker;

namespace MealGateway.Tests.Broker;

public sealed class CredentialStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("credentials-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void ProvisionedSecret_IsAcceptedAndStoredOnlyHashed()
    {
        var store = new CredentialStore(directory);
        string secret = store.Provision("S01", "T01");

        Assert.Equal(CredentialCheck.Accepted, store.Check("S01/T01", secret, out var credential));
        Assert.Equal(("S01", "T01"), (credential!.Site, credential.Terminal));
        Assert.Equal(16, credential.Salt.Length);
        Assert.DoesNotContain(secret, Encoding.Latin1.GetString(File.ReadAllBytes(store.DatabasePath)));
    }

    [Fact]
    public void SameSecretForTwoTerminals_GivesDifferentHashes()
    {
        var store = new CredentialStore(directory);
        store.Provision("S01", "T01", "same-secret");
        store.Provision("S01", "T02", "same-secret");
        var all = store.All();
        Assert.NotEqual(all[0].Hash, all[1].Hash);
    }

    [Fact]
    public void UnknownUserWrongSecretAndRevoked_AreEachRefusedWithTheirReason()
    {
        var store = new CredentialStore(directory);
        string secret = store.Provision("S01", "T01");

        Assert.Equal(CredentialCheck.UnknownUser, store.Check("S01/T09", secret, out _));
        Assert.Equal(CredentialCheck.UnknownUser, store.Check(null, secret, out _));
        Assert.Equal(CredentialCheck.WrongSecret, store.Check("S01/T01", secret + "0", out _));
        Assert.True(store.Revoke("S01", "T01"));
        Assert.Equal(CredentialCheck.Revoked, store.Check("S01/T01", secret, out _));
        Assert.False(store.Revoke("S01", "T09"));
    }

    [Theory]
    [InlineData("S/01")]
    [InlineData("S+")]
    [InlineData("#")]
    [InlineData("")]
    public void IdThatIsNotOneTopicLevel_IsNotProvisioned(string site) =>
        Assert.Throws<ArgumentException>(() => new CredentialStore(directory).Provision(site, "T01"));
}
