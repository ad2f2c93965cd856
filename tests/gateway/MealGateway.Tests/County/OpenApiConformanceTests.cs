using System.Text.Json;
using MealGateway.County;
using MealGateway.Settlement;
using MealGateway.Tests.Settlement;
using MealTerminal.Core.Meals;
using static MealGateway.Tests.Settlement.MonthRig;

namespace MealGateway.Tests.County;

/// <summary>
/// Issue #16: a county integrator loads docs/county-api.openapi.yaml first. The requests the
/// gateway really sends (CountyClient, over a capturing HttpMessageHandler) match it: the path,
/// every required header and security-scheme header, and the JSON body against the schema.
/// </summary>
public sealed class OpenApiConformanceTests : IDisposable
{
    private readonly MonthRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task DailyMonthlyAndAbsenceRequests_MatchThePublishedSchema_HeadersAndBodies()
    {
        rig.Upload("S01", "T01",
            Meal(1, "2026-10-03", 12, ElderCategory.MinimumAllowance), Meal(2, "2026-10-03", 7),
            Meal(0, "2026-10-03", 12, verdict: VerdictCode.UnknownCard) with { CardHex = "04AABBCCDD" },
            Meal(1, "2026-10-04", 11), Meal(1, "2026-10-04", 10)); // clock back 1 h: an anomaly
        rig.Upload("S01", "T02", Meal(1, "2026-10-03", 12, ElderCategory.MinimumAllowance)); // held for review
        rig.Settler.Settle("2026-10");
        rig.Upload("S01", "T01", Meal(3, "2026-10-05", 12)); // a second revision, with changes
        rig.Settler.Settle("2026-10");

        var schema = new OpenApiSchema(OpenApiSchema.DocsPath());
        var capture = new CapturingHandler();
        using var client = new CountyClient(new CountyOptions(new Uri("https://county.example.gov.cn/meal"), "gw-county-01", CountyStandIn.Key), capture);
        rig.Upload("S01", "T01", Meal(1, "2026-11-21", 12), Meal(1, "2026-11-20", 12), Meal(1, "2026-11-19", 12), Meal(1, "2026-11-18", 12));
        rig.Upload("S01", "T01", Meal(2, "2026-11-21", 12)); // a service day on the 21st; elder 1, a regular, absent on the 22nd
        var desk = new MealGateway.Welfare.WelfareDesk(rig.Store, rig.Clock);
        Assert.Equal(1, new MealGateway.Welfare.AbsenceReports(rig.Store, desk, rig.Clock, "gw-county-01").EnqueueDue());
        var pending = rig.Statements.Pending();
        Assert.Contains(pending, e => e.Kind == MealGateway.Welfare.AbsenceReports.Kind && rig.Statements.JsonOf(e).Contains("\"absent\":1"));
        Assert.Contains(pending, e => e.Kind == StatementKind.Daily);
        Assert.Contains(pending, e => e.Kind == StatementKind.Monthly);

        var problems = new List<string>();
        foreach (var entry in pending)
        {
            Assert.True((await client.SendAsync(entry, rig.Statements.JsonOf(entry), rig.Clock.GetUtcNow(), CancellationToken.None)).Delivered);
            var (request, body) = capture.Last!.Value;
            Assert.Equal(HttpMethod.Post, request.Method);
            string path = request.RequestUri!.AbsolutePath["/meal".Length..];
            var operation = schema.Operation(path, "post");
            foreach (string header in schema.RequiredHeaders(operation))
            {
                if (!request.Headers.Contains(header))
                {
                    problems.Add($"{entry.IdempotencyKey}: header {header} missing");
                }
            }

            using var json = JsonDocument.Parse(body);
            schema.Check(schema.RequestSchema(operation), json.RootElement, $"{entry.Kind} {entry.IdempotencyKey}", problems);
        }

        Assert.Empty(problems);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public (HttpRequestMessage Request, string Body)? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = (request, await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(System.Net.HttpStatusCode.Created);
        }
    }
}
