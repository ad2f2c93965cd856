using System.CommandLine;
using MealGateway.Ingest;
using MealGateway.Storage;
using MealGateway.Tallies;

namespace MealGateway.Cli;

/// <summary>The gateway's command line: `run` serves, `tally` prints a day's tally, `terminal` provisions logins.</summary>
public static class GatewayCommands
{
    public static RootCommand Build()
    {
        var data = new Option<string>("--data") { Description = "Data directory (LiteDB database)", DefaultValueFactory = _ => "data" };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "Embedded broker port", DefaultValueFactory = _ => 1883 };
        var httpPort = new Option<int>("--http-port") { Description = "HTTP API port", DefaultValueFactory = _ => 5080 };
        var allInterfaces = new Option<bool>("--all-interfaces") { Description = "Listen on all interfaces, not only 127.0.0.1" };
        var day = new Option<string>("--day") { Description = "Local service day, yyyy-MM-dd (default: today, UTC+08:00)" };

        var broker = new Option<string?>("--broker") { Description = "host:port of an external broker to connect to instead of embedding one" };
        var brokerUser = new Option<string?>("--broker-user") { Description = "Gateway's user name on the external broker" };
        var brokerPassword = new Option<string?>("--broker-password") { Description = "Its password (or set MEAL_GATEWAY_BROKER_PASSWORD)" };

        var run = new Command("run", "Run the gateway: MQTT broker (embedded or --broker), ingest, database and HTTP API")
        {
            data, mqttPort, httpPort, allInterfaces, broker, brokerUser, brokerPassword,
        };
        run.SetAction(async (parse, cancel) =>
        {
            BrokerConnection? external = null;
            if (parse.GetValue(broker) is { } endpoint)
            {
                int colon = endpoint.LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], out int port) || port is < 1 or > 65535)
                {
                    Console.Error.WriteLine($"--broker must be host:port, got '{endpoint}'");
                    return 2;
                }

                string password = parse.GetValue(brokerPassword) ?? Environment.GetEnvironmentVariable("MEAL_GATEWAY_BROKER_PASSWORD") ?? string.Empty;
                external = new BrokerConnection(endpoint[..colon], port, parse.GetValue(brokerUser) ?? string.Empty, password);
            }

            var options = new GatewayOptions
            {
                DataDirectory = parse.GetValue(data)!, MqttPort = parse.GetValue(mqttPort),
                HttpPort = parse.GetValue(httpPort), LoopbackOnly = !parse.GetValue(allInterfaces), ExternalBroker = external,
            };
            await using var host = await GatewayHost.StartAsync(options, cancel);
            string mode = external is null ? $"embedded broker on port {host.MqttPort}" : $"external broker {external.Host}:{external.Port}";
            Console.WriteLine($"Gateway running. MQTT: {mode}, HTTP {host.HttpUrl}, data {Path.GetFullPath(options.DataDirectory)}. Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });

        var tally = new Command("tally", "Print the daily tally per site, meal period and elder category") { data, day };
        tally.SetAction(parse =>
        {
            string dayText = parse.GetValue(day) ?? DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", out _))
            {
                Console.Error.WriteLine($"--day must be yyyy-MM-dd, got '{dayText}'");
                return 2;
            }

            string dir = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(dir, "meals.db")))
            {
                Console.Error.WriteLine($"No gateway database in '{Path.GetFullPath(dir)}'");
                return 2;
            }

            try
            {
                using var store = new MealStore(dir, 8 * 60);
                Console.Write(TallyReport.Format(dayText, TallyReport.Rows(store.TalliesForDay(dayText), GatewayHost.Periods)));
                return 0;
            }
            catch (IOException)
            {
                // The database files are opened exclusively (Storage/DatabaseFile): a gateway is running on them.
                Console.Error.WriteLine($"The database in '{Path.GetFullPath(dir)}' is in use by a running gateway; ask it: GET /api/tallies?day={dayText}");
                return 3;
            }
        });

        return new RootCommand("Meal gateway: stores terminal meal records exactly once and tallies them") { run, tally, TerminalCommands.Build(data) };
    }
}
