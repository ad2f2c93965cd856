using System.CommandLine;
using MealTerminal.Simulator.Adapters;
using MealTerminal.Simulator.Demo;

namespace MealTerminal.Simulator;

/// <summary>
/// `demo` runs the whole system on one machine; `terminal` runs one keyboard-driven terminal; `selftest` checks the core;
/// `provision` talks to a real terminal's provisioning console over a serial port.
/// </summary>
public static class SimulatorCommands
{
    public static RootCommand Build()
    {
        var data = new Option<string?>("--data") { Description = "Data directory (default: a new folder under ./demo-data)" };
        var exit = new Option<bool>("--exit") { Description = "Exit after the replay instead of serving until Ctrl+C" };
        var quiet = new Option<bool>("--quiet") { Description = "Do not print each tap" };
        var mqttPort = new Option<int>("--mqtt-port") { DefaultValueFactory = _ => 1883, Description = "Embedded broker port (a free one if taken)" };
        var httpPort = new Option<int>("--http-port") { DefaultValueFactory = _ => 5080, Description = "Gateway HTTP port (a free one if taken)" };
        var demo = new Command("demo", "Gateway with embedded broker and database, plus three simulated terminals replaying a synthetic day")
        {
            data, exit, quiet, mqttPort, httpPort,
        };
        demo.SetAction(async (parse, cancel) =>
        {
            string dir = parse.GetValue(data) ?? Path.Combine("demo-data", DateTime.Now.ToString("yyyyMMdd-HHmmss"));
            var runner = new DemoRunner(dir, parse.GetValue(mqttPort), parse.GetValue(httpPort), parse.GetValue(quiet));
            try
            {
                bool agree = await runner.RunAsync(Console.Out);
                var gw = runner.Gateway!;
                Console.WriteLine();
                Console.WriteLine($"HTTP: {gw.HttpUrl}/api/tallies?day={runner.Day:yyyy-MM-dd}  (also /api/terminals, /api/health)");
                Console.WriteLine($"操作员登录 (operator login): 账户 {DemoRunner.OperatorName}（县级 county），密码 {runner.OperatorPassword}");
                Console.WriteLine($"操作台 (operator console, in a browser): {gw.HttpUrl}/console");
                Console.WriteLine($"  curl -c cookies.txt -H 'Content-Type: application/json' -d '{{\"user\":\"{DemoRunner.OperatorName}\",\"password\":\"{runner.OperatorPassword}\"}}' {gw.HttpUrl}/api/login");
                Console.WriteLine($"  curl -H 'Authorization: Bearer {runner.OperatorToken}' '{gw.HttpUrl}/api/tallies?day={runner.Day:yyyy-MM-dd}'");
                Console.WriteLine($"MQTT broker: 127.0.0.1:{gw.MqttPort}   data: {Path.GetFullPath(dir)}");
                if (!agree)
                {
                    return 1;
                }

                if (!parse.GetValue(exit))
                {
                    Console.WriteLine("Gateway running; Ctrl+C stops.");
                    await Task.Delay(Timeout.Infinite, cancel).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return 0;
            }
            finally
            {
                await runner.StopAsync();
            }
        });

        var broker = new Option<string>("--broker") { DefaultValueFactory = _ => "127.0.0.1:1883", Description = "host:port of the gateway's broker" };
        var site = new Option<string>("--site") { DefaultValueFactory = _ => "S01" };
        var terminalId = new Option<string>("--terminal") { DefaultValueFactory = _ => "T09" };
        var password = new Option<string?>("--password-file") { Description = "File with the terminal's secret from `MealGateway terminal add`, - for stdin (or set MEAL_TERMINAL_PASSWORD); user name is site/terminal" };
        var selfTestFirst = new Option<bool>("--selftest") { Description = "Run the self-test first, as the device does with the host button held; stop if it fails" };
        var terminal = new Command("terminal", "One terminal; type a card UID in hex (e.g. 04521000_8A3C80) and Enter to tap")
        {
            broker, site, terminalId, data, password, selfTestFirst,
        };
        terminal.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(selfTestFirst) && SelfTestCommand.Run(Console.Out) != 0)
            {
                return 1;
            }

            // Never from an argument: every local user sees those in `ps`.
            string? file = parse.GetValue(password);
            string? secret = file is null ? Environment.GetEnvironmentVariable("MEAL_TERMINAL_PASSWORD")
                : file == "-" ? Console.In.ReadLine() : File.Exists(file) ? File.ReadAllText(file).TrimEnd('\r', '\n') : null;
            if (file is not null && secret is null)
            {
                Console.Error.WriteLine($"错误：读不到密钥文件 '{file}'");
                return 2;
            }

            return await KeyboardTerminal.RunAsync(
                parse.GetValue(broker)!, parse.GetValue(site)!, parse.GetValue(terminalId)!, parse.GetValue(data) ?? "terminal-data", secret, cancel);
        });

        var selftest = new Command("selftest", "Run the terminal self-test; prints PASS/FAIL per check and RESULT, exits 1 on any failure");
        selftest.SetAction(_ => SelfTestCommand.Run(Console.Out));

        var folder = new Argument<string>("folder") { Description = "Where to write the PNGs and index", DefaultValueFactory = _ => "docs/screens" };
        var screens = new Command("screens", "Render every verdict screen to PNG for review") { folder };
        screens.SetAction(parse =>
        {
            Display.VerdictGallery.WriteTo(parse.GetValue(folder)!);
            return 0;
        });

        var port = new Option<string>("--port") { Required = true, Description = "Serial port of the USB-serial adapter on the terminal's service header (COM5, /dev/ttyUSB0)" };
        var provision = new Command("provision", "Provisioning console of a real terminal: commands from stdin (SET key value, SHOW, SAVE, SELFTEST), answers printed; exit 1 on any ERR")
        {
            port,
        };
        provision.SetAction(parse => Provisioning.ProvisionCommand.Run(parse.GetValue(port)!, Console.In, Console.Out));


        var voiceFolder = new Argument<string>("folder") { Description = "Where to write voice.md and the WAVs", DefaultValueFactory = _ => "docs/screens" };
        var voices = new Command("voices", "Play every verdict's prompt from the shipped voice pack into WAV files for review") { voiceFolder };
        voices.SetAction(parse =>
        {
            Voice.VoiceGallery.WriteTo(parse.GetValue(voiceFolder)!, Voice.ShippedVoicePack.Read());
            return 0;
        });

        return new RootCommand("Meal terminal simulator") { demo, terminal, selftest, screens, provision, voices };
    }
}
