using System.Net;
using System.Text.RegularExpressions;

namespace MealGateway.Tests.OperatorConsole;

/// <summary>What console tests do as a browser would: log in with a cookie, read a form's anti-forgery token, post a form.</summary>
internal static class ConsoleForms
{
    /// <summary>A client logged in to the console as <paramref name="user"/> (redirects not followed, so a refusal shows).</summary>
    public static async Task<HttpClient> LoggedIn(GatewayHost gateway, string user, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(gateway.HttpUrl) };
        var login = await http.PostAsync("/console/login", Form(("user", user), ("password", password)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return http;
    }

    public static string Token(string page) => Regex.Match(page, "name=\"csrf\" value=\"([^\"]+)\"").Groups[1].Value;

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
