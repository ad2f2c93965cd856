using MealGateway;
using MealTerminal.Core.Meals;
using MealTerminal.Simulator.Demo;

namespace MealTerminal.Simulator.Tests;

/// <summary>
/// The walking skeleton end to end: a gateway with embedded broker on a free loopback port and a
/// temporary database, three simulated terminals, the synthetic day tapped over real MQTT.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("e2e-").FullName;
    private DemoRunner runner = null!;

    public Task InitializeAsync()
    {
        runner = new DemoRunner(directory, mqttPort: 0, httpPort: 0, quiet: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await runner.StopAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task SyntheticDay_IsSettled_WithTheUnknownCardAndTheTapOutsideHoursListedAndNoClockAnomaly()
    {
        Assert.True(await runner.RunAsync(TextWriter.Null));
        string month = runner.Day.ToString("yyyy-MM");
        var statements = runner.SimulatedTerminals.Select(t => t.Site).Distinct()
            .Select(site => runner.Gateway!.Settlement.Statements.Revision(MealGateway.Settlement.StatementKind.Monthly, site, month)!).ToList();

        Assert.Equal(runner.Gateway!.Store.TalliesForDay(runner.Day.ToString("yyyy-MM-dd")).Sum(c => c.Meals), statements.Sum(s => s.Totals.Meals));
        Assert.All(statements, s => Assert.Equal(s.Totals.PriceFen, s.Totals.SubsidyFen + s.Totals.CoPaymentFen));
        Assert.Equal(["outside-period", "unknown-card"], statements.SelectMany(s => s.Anomalies).Select(a => a.Kind).Distinct().Order());
    }

    [Fact]
    public async Task SyntheticDay_GatewayTallyEqualsWhatTheTerminalsAccepted()
    {
        Assert.True(await runner.RunAsync(TextWriter.Null));
        string day = runner.Day.ToString("yyyy-MM-dd");
        var tallies = runner.Gateway!.Store.TalliesForDay(day);

        foreach (var terminalsAtSite in runner.SimulatedTerminals.GroupBy(t => t.Site))
        {
            for (int period = 0; period < 3; period++)
            {
                for (int category = 0; category < ElderCategory.Count; category++)
                {
                    int terminals = terminalsAtSite.Sum(t => t.Core.Today.Meals(period, category));
                    int gateway = tallies.Where(c => c.Site == terminalsAtSite.Key && c.Period == period && c.Category == category).Sum(c => c.Meals);
                    Assert.Equal(terminals, gateway);
                }
            }
        }

        // The script: 21 + 12 meals at S01 plus 5 delivered by its round, 20 at S02; repeats, a double
        // read, an unknown card and a tap outside meal hours are not meals.
        Assert.Equal(38, tallies.Where(c => c.Site == "S01").Sum(c => c.Meals));
        Assert.Equal(20, tallies.Where(c => c.Site == "S02").Sum(c => c.Meals));
        var t01 = runner.SimulatedTerminals.Single(t => t.TerminalId == "T01");
        Assert.Equal(1, t01.Core.Today.RepeatTaps);
        Assert.Equal(1, t01.Core.Today.UnknownCards);
    }

    [Fact]
    public async Task TallyIsServedOverHttpAsJson()
    {
        Assert.True(await runner.RunAsync(TextWriter.Null));
        using var http = MealGateway.Tests.Security.OperatorClients.County(runner.Gateway!);
        var json = await http.GetStringAsync($"{runner.Gateway!.HttpUrl}/api/tallies?day={runner.Day:yyyy-MM-dd}");
        Assert.Contains("\"periodName\":\"午餐\"", json);
        var bad = await http.GetAsync($"{runner.Gateway!.HttpUrl}/api/tallies?day=23.11.2026");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
