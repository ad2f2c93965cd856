using System.Net;
using System.Text;
using MealGateway.Broker;
using MealGateway.Downloads;

namespace MealGateway.Tests.Security;

/// <summary>
/// Issue #14: site and terminal ids such as `..%2F..%2Fetc`, control characters or 2,000
/// characters were accepted and stored and could not be removed. One rule (IdRule) at every entry.
/// </summary>
public sealed class IdEntryTests
{
    [Theory]
    [MemberData(nameof(SecurityFixtures.HostileIds), MemberType = typeof(SecurityFixtures))]
    public void HostileSiteId_IsNotATopicLevel(string id)
    {
        Assert.False(Topics.IsLevel(id));
        Assert.False(Topics.TryParse($"meal/v1/{id}/T01/records", out _, out _, out _));
        Assert.False(Topics.TryParse($"meal/v1/S01/{id}/records", out _, out _, out _));
    }

    [Theory]
    [InlineData("S01")]
    [InlineData("site-3.north_2")]
    [InlineData("12345678901234567890123456789012")]
    public void OrdinaryIds_AreAccepted(string id)
    {
        Assert.True(Topics.IsLevel(id));
        Assert.True(Topics.TryParse($"meal/v1/{id}/{id}/records", out string site, out _, out _));
        Assert.Equal(id, site);
    }

    [Theory]
    [MemberData(nameof(SecurityFixtures.HostileIds), MemberType = typeof(SecurityFixtures))]
    public void HostileTerminalId_IsNotProvisioned_AndNothingIsStored(string id)
    {
        string directory = Directory.CreateTempSubdirectory("ids-").FullName;
        try
        {
            var store = new CredentialStore(directory);
            Assert.Throws<ArgumentException>(() => store.Provision("S01", id));
            Assert.Throws<ArgumentException>(() => store.Provision(id, "T01"));
            Assert.Empty(store.All());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(SecurityFixtures.HostileIds), MemberType = typeof(SecurityFixtures))]
    public void HostileSiteId_InARosterImport_IsRefusedWithAChineseProblem(string id)
    {
        var image = SiteFiles.Import(null!, "roster", id, SecurityFixtures.RosterCsv, "roster.csv", DateTime.UtcNow, null, out var problems);

        Assert.Null(image);
        Assert.Contains(problems, p => p.Contains("站点编号") && p.Contains("最多 32 个字符"));
        Assert.All(problems, p => Assert.True(p.Length < 200, "the problem must not echo a 2,000-character id"));
    }
}
