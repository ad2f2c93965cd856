using System.Net.Http.Headers;
using System.Security.Cryptography;
using MealGateway.Accounts;

namespace MealGateway.Tests.Security;

/// <summary>
/// HTTP clients that act as an operator of a given role, for every test that calls the gateway's
/// API (also compiled into the simulator tests). Each gets a fresh account and a bearer token.
/// </summary>
public static class OperatorClients
{
    /// <summary>A county operator: reads every site, settles.</summary>
    public static HttpClient County(GatewayHost gateway) => For(gateway, OperatorRole.County);

    /// <summary>A township operator of these sites: rosters, configurations and terminals.</summary>
    public static HttpClient Township(GatewayHost gateway, params string[] sites) => For(gateway, OperatorRole.Township, sites);

    public static HttpClient For(GatewayHost gateway, OperatorRole role, params string[] sites) =>
        Named(gateway, $"{OperatorAccount.RoleName(role)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", role, sites);

    /// <summary>An operator whose account name the test knows (decisions are recorded under it).</summary>
    public static HttpClient Named(GatewayHost gateway, string name, OperatorRole role, params string[] sites)
    {
        string? problem = gateway.Accounts.Add(name, role, sites, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        Assert.Null(problem);
        var client = new HttpClient { BaseAddress = new Uri(gateway.HttpUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", gateway.Accounts.IssueToken(name, TimeSpan.FromHours(1)));
        return client;
    }
}
