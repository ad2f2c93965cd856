using System.Net.Http.Json;
using System.Text.Json;
using MealGateway.Tests.ExactlyOnce;
using MealGateway.Tests.Settlement;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.County;

/// <summary>
/// The gateway process SIGKILLed at random moments while it settles and forwards, the county
/// stand-in failing at random meanwhile, late records arriving between runs.
/// </summary>
public sealed class ForwarderKillTests : IDisposable
{
    private readonly MonthRig rig = new(PolicyText.Replace("2026-01-01", "2025-01-01").Replace("2026-10-16", "2025-06-16"));

    public void Dispose()
    {
        rig.Dispose();
    }

    [Fact]
    public async Task GatewayKilledWhileForwarding_EachRevisionReachesTheCountyExactlyOnce_AndTotalsAgree()
    {
        await using var county = await CountyStandIn.StartAsync();
        county.Faults = CountyStandIn.RandomFaults(seed: 5, healthy: 5);
        string policy = Path.Combine(rig.Directory, "policy.txt");
        File.WriteAllText(policy, PolicyText.Replace("2026-01-01", "2025-01-01").Replace("2026-10-16", "2025-06-16"));
        string key = Path.Combine(rig.Directory, "county.key");
        File.WriteAllText(key, Convert.ToHexString(CountyStandIn.Key));
        // A 5 s answer time: on a loaded machine a 0.4 s one failed healthy requests too, and the
        // doubling retry delays of the failures outgrew the wait (stress-ng CI run, 2026-12-01).
        // The stand-in's timeouts hold the answer until the gateway gives up, so they cost 5 s each.
        string[] args =
        [
            "--policy", policy, "--county-url", county.Url.ToString(), "--county-key-file", key, "--gateway-id", "GW1",
            "--settle-every", "1", "--county-timeout", "5", "--county-retry-first", "0.1",
        ];
        var random = new Random(3);
        int kills = 0, requestsBeforeLastRun = 0;
        for (int round = 0; round < 5; round++)
        {
            for (int site = 1; site <= 3; site++)
            {
                var meals = Enumerable.Range(0, 1 + random.Next(4))
                    .Select(_ => Meal(random.Next(1, 30), $"2025-06-{1 + random.Next(3):D2}", random.Next(2) == 0 ? 7 : 12, random.Next(2)))
                    .ToArray();
                rig.Upload($"S0{site}", $"T{round}", meals);
            }

            rig.Store.Dispose();
            using var gateway = new GatewayProcess(rig.Directory, FreePort.Pick(), args);
            await gateway.StartAsync();
            if (round < 4)
            {
                // Killed while the county is handling one of this run's first requests (each run
                // settles three sites' changed months, so at least three requests come).
                await HangGuard.Of(county.WaitForRequestsAsync(county.Requests + random.Next(1, 4)), "the gateway to forward");
                gateway.Kill();
                kills++;
            }
            else
            {
                requestsBeforeLastRun = county.FaultsInjected.Values.Sum();
                await WaitForEmptyOutboxAsync(gateway.HttpUrl, rig.Directory);
                gateway.Kill();
            }

            rig.Open();
        }

        var gatewaySide = rig.Statements.Heads()
            .SelectMany(h => h.Id.Split('|') is var p ? rig.Statements.Revisions(p[0], p[1], p[2]) : []).ToList();
        Assert.Equal(4, kills);
        Assert.True(requestsBeforeLastRun > 0, "the killed runs never reached forwarding");
        Assert.Empty(rig.Statements.Pending());
        Assert.Equal(gatewaySide.Select(s => s.IdempotencyKey).Order(), county.Applied.Select(s => s.IdempotencyKey).Order());
        Assert.Equal(0, county.OutOfOrder);
        foreach (var (id, applied) in county.Latest())
        {
            var p = id.Split('|');
            Assert.Equal(rig.Statements.Revision(p[0], p[1], p[2])!.Totals, applied.Totals);
        }

        Assert.True(county.Duplicates > 0, "no applied request was sent again: the faults did not bite");
        Assert.Contains(gatewaySide, s => s.Revision > 1);
        var absences = rig.Statements.Outbox(MealGateway.Welfare.AbsenceReports.Kind);
        Assert.NotEmpty(absences); // each finished day's absence counts, queued by the killed runs too
        Assert.Equal(absences.Select(a => a.IdempotencyKey), county.AppliedAbsences.Select(a => a.IdempotencyKey));
    }

    private static async Task WaitForEmptyOutboxAsync(string httpUrl, string dataDirectory)
    {
        // The outbox is the county's to read: a county account made in the running gateway's accounts.db.
        var accounts = new MealGateway.Accounts.AccountStore(dataDirectory, TimeProvider.System);
        Assert.Null(accounts.Add("county-test", MealGateway.Accounts.OperatorRole.County, [], "county-test-password"));
        using var http = new HttpClient { BaseAddress = new Uri(httpUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", accounts.IssueToken("county-test", TimeSpan.FromHours(1)));
        using var hang = new CancellationTokenSource(HangGuard.Limit);
        while (true)
        {
            var outbox = await http.GetFromJsonAsync<JsonElement>("/api/outbox");
            if (outbox.GetProperty("pending").GetInt32() == 0 && outbox.GetProperty("delivered").GetInt32() > 0)
            {
                return;
            }

            Assert.False(hang.IsCancellationRequested, "hung waiting for the outbox to empty");
            await Task.Delay(200); // polling interval; the wait is bounded by events, not by this
        }
    }
}
