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
        var mqttBind = new Option<string>("--mqtt-bind") { Description = "Address the embedded broker listens on for terminals (the site network's, or 0.0.0.0)", DefaultValueFactory = _ => "127.0.0.1" };
        var httpBind = new Option<string>("--http-bind") { Description = "Address the HTTP API listens on for operators", DefaultValueFactory = _ => "127.0.0.1" };
        var httpHost = new Option<string[]>("--http-host") { Description = "Host name operators use for the HTTP API (repeatable); other Host headers are refused", AllowMultipleArgumentsPerToken = true };
        var httpsCert = new Option<string?>("--https-cert") { Description = "PKCS#12 (.pfx) certificate: serve the HTTP API over https" };
        var httpsCertPassword = new Option<string?>("--https-cert-password-file") { Description = "File with the certificate's password, - for stdin (or set MEAL_GATEWAY_CERT_PASSWORD)" };
        var day = new Option<string>("--day") { Description = "Local service day, yyyy-MM-dd (default: today, UTC+08:00)" };

        var broker = new Option<string?>("--broker") { Description = "host:port of an external broker to connect to instead of embedding one" };
        var brokerUser = new Option<string?>("--broker-user") { Description = "Gateway's user name on the external broker" };
        var brokerPassword = new Option<string?>("--broker-password-file") { Description = "File with its password, - for stdin (or set MEAL_GATEWAY_BROKER_PASSWORD)" };

        var policy = new Option<string?>("--policy") { Description = "Subsidy policy file (docs/policy.md); without it nothing is settled" };
        var rosterNames = new Option<string>("--roster-names") { Description = "Elders' names on terminal screens, the county's rule: 遮挡 (王＊英), 全名 or 不显示", DefaultValueFactory = _ => "遮挡" };
        var gatewayId = new Option<string>("--gateway-id") { Description = "This gateway's id towards the county platform", DefaultValueFactory = _ => new GatewayOptions().GatewayId };
        var countyUrl = new Option<string?>("--county-url") { Description = "Base URL of the county platform (docs/county-api.md); without it statements wait in the outbox" };
        var countyKey = new Option<string?>("--county-key-file") { Description = "File with this gateway's HMAC key for the county platform, hex, at least 32 bytes" };
        var countyTimeout = new Option<double>("--county-timeout") { Description = "Seconds to wait for the county platform's answer before trying again", DefaultValueFactory = _ => 30 };
        var countyRetry = new Option<double>("--county-retry-first") { Description = "Seconds before the first retry of a failed delivery (doubling up to 30 min, with jitter)", DefaultValueFactory = _ => 5 };
        var settleEvery = new Option<int>("--settle-every") { Description = "Seconds between settlement runs of changed days and months", DefaultValueFactory = _ => 600 };
        var fontImage = new Option<string>("--font-image") { Description = "Font image (.fnt) stored for the county's terminals when it has none yet; none: store none", DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "Fonts", Downloads.FontImages.ShippedFileName) };
        var deskReader = new Option<string?>("--desk-reader") { Description = "Enrolment desk MFRC522 on SPI, e.g. spi0.0 (bus 0, CE0): its taps show at GET /api/desk/taps; off by default" };

        var run = new Command("run", "Run the gateway: MQTT broker (embedded or --broker), ingest, database, settlement, county forwarding and HTTP API")
        {
            data, mqttPort, httpPort, mqttBind, httpBind, httpHost, httpsCert, httpsCertPassword, broker, brokerUser, brokerPassword, policy, rosterNames, gatewayId, countyUrl, countyKey, countyTimeout, countyRetry, settleEvery, deskReader, fontImage,
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

                string? password = SecretInput.Read(parse.GetValue(brokerPassword), "MEAL_GATEWAY_BROKER_PASSWORD", "外部 broker 密码", out string passwordProblem);
                if (password is null)
                {
                    Console.Error.WriteLine($"错误：{passwordProblem}");
                    return 2;
                }

                external = new BrokerConnection(endpoint[..colon], port, parse.GetValue(brokerUser) ?? string.Empty, password);
            }

            County.CountyOptions? county = null;
            if (parse.GetValue(countyUrl) is { } url)
            {
                // The county platform requires TLS; plain http only to this machine (tests' stand-in, a local TLS proxy).
                if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || !(baseUrl.Scheme == "https" || baseUrl.Scheme == "http" && baseUrl.IsLoopback))
                {
                    Console.Error.WriteLine($"错误：--county-url 应为 https://... 地址（http 只允许本机地址），收到 '{url}'");
                    return 2;
                }

                if (parse.GetValue(countyKey) is not { } keyFile)
                {
                    Console.Error.WriteLine("错误：--county-url 需要 --county-key-file");
                    return 2;
                }

                if (!County.RequestSigner.TryReadKey(keyFile, out var key, out string keyProblem))
                {
                    Console.Error.WriteLine($"错误：{keyProblem}");
                    return 2;
                }

                if (parse.GetValue(countyTimeout) <= 0 || parse.GetValue(countyRetry) <= 0)
                {
                    Console.Error.WriteLine("错误：--county-timeout 和 --county-retry-first 须大于 0 秒");
                    return 2;
                }

                county = new County.CountyOptions(baseUrl, parse.GetValue(gatewayId)!, key) { Timeout = TimeSpan.FromSeconds(parse.GetValue(countyTimeout)) };
            }

            if (!System.Net.IPAddress.TryParse(parse.GetValue(mqttBind), out var mqttAddress) || !System.Net.IPAddress.TryParse(parse.GetValue(httpBind), out var httpAddress))
            {
                Console.Error.WriteLine("错误：--mqtt-bind 和 --http-bind 应为 IP 地址，例如 127.0.0.1、192.168.1.10、0.0.0.0 或 ::1");
                return 2;
            }

            string? certPassword = null;
            if (parse.GetValue(httpsCert) is { } cert)
            {
                if (!File.Exists(cert))
                {
                    Console.Error.WriteLine($"错误：找不到证书文件 '{cert}'");
                    return 2;
                }

                if (parse.GetValue(httpsCertPassword) is not null || Environment.GetEnvironmentVariable("MEAL_GATEWAY_CERT_PASSWORD") is not null)
                {
                    certPassword = SecretInput.Read(parse.GetValue(httpsCertPassword), "MEAL_GATEWAY_CERT_PASSWORD", "证书密码", out string certProblem);
                    if (certPassword is null)
                    {
                        Console.Error.WriteLine($"错误：{certProblem}");
                        return 2;
                    }
                }
            }

            if (!Downloads.RosterNames.TryParseDisplay(parse.GetValue(rosterNames)!, out var nameDisplay))
            {
                Console.Error.WriteLine("错误：--roster-names 应为 遮挡, 全名 或 不显示");
                return 2;
            }

            if (parse.GetValue(settleEvery) < 1)
            {
                Console.Error.WriteLine("错误：--settle-every 至少 1 秒");
                return 2;
            }

            System.Device.Spi.SpiDevice? desk = null;
            if (parse.GetValue(deskReader) is { } deskSpec)
            {
                if (!DeskReader.DeskSpi.TryParse(deskSpec, out int deskBus, out int deskChipSelect))
                {
                    Console.Error.WriteLine($"错误：--desk-reader 应为 spi总线.片选，例如 spi0.0，收到 '{deskSpec}'");
                    return 2;
                }

                desk = DeskReader.DeskSpi.Open(deskBus, deskChipSelect, "/dev", out string deskProblem);
                if (desk is null)
                {
                    Console.Error.WriteLine($"错误：{deskProblem}");
                    return 2;
                }
            }

            var options = new GatewayOptions
            {
                DataDirectory = parse.GetValue(data)!, MqttPort = parse.GetValue(mqttPort),
                HttpPort = parse.GetValue(httpPort), MqttBind = mqttAddress, HttpBind = httpAddress, HttpHostNames = parse.GetValue(httpHost) ?? [],
                HttpsCertificatePath = parse.GetValue(httpsCert), HttpsCertificatePassword = certPassword, ExternalBroker = external,
                PolicyPath = parse.GetValue(policy), RosterNames = nameDisplay, FontImagePath = parse.GetValue(fontImage) is "none" ? null : parse.GetValue(fontImage), GatewayId = parse.GetValue(gatewayId)!, County = county,
                SettleInterval = TimeSpan.FromSeconds(parse.GetValue(settleEvery)), DeskReader = desk,
                CountyRetry = new County.RetrySchedule(TimeSpan.FromSeconds(Math.Max(parse.GetValue(countyRetry), 0.001)), TimeSpan.FromMinutes(30), 0.5),
            };
            GatewayHost host;
            try
            {
                host = await GatewayHost.StartAsync(options, cancel);
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine($"错误：补贴政策文件有问题，网关未启动：{Environment.NewLine}{ex.Message}");
                return 2;
            }
            catch (GatewayStartException ex)
            {
                Console.Error.WriteLine(ex.Message); // one line: a port in use, the database held by another gateway
                return 3;
            }

            await using var running = host;
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

            using var store = OfflineStore.Open(parse.GetValue(data)!, $"ask it: GET /api/tallies?day={dayText}", out int exit);
            if (store is null)
            {
                return exit;
            }

            Console.Write(TallyReport.Format(dayText, TallyReport.Rows(store.TalliesForDay(dayText), store.Periods)));
            return 0;
        });

        var root = new RootCommand("Meal gateway: stores terminal meal records exactly once and tallies them") { run, tally, TerminalCommands.Build(data), AccountCommands.Build(data), VoicePackCommand.Build(data), DeskReader.EnrolReaderCommand.Build() };
        foreach (var command in SettlementCommands.Build(data).Concat(ReviewCommands.Build(data)).Concat(DownloadCommands.Build(data)).Concat(WelfareCommands.Build(data)).Concat(BackupCommands.Build(data)))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
