using MealTerminal.Simulator.Adapters;
using MealTerminal.Simulator.Demo;

namespace MealTerminal.Simulator;

/// <summary>
/// A terminal driven from the keyboard against a running gateway. The main loop keeps running
/// between lines (heartbeats, time, roster and configuration downloads), as a real terminal's does
/// between taps: typed lines are polled, never waited for (<see cref="IKeyboard"/>).
/// </summary>
public static class KeyboardTerminal
{
    /// <summary>What to type for the host card / host button: the host review (docs/verdicts.md).</summary>
    public const string HostKey = "h";

    /// <summary>The `keyboard` command: the console's keyboard and screen, on the real clock.</summary>
    public static async Task<int> RunAsync(string broker, string site, string id, string dataDirectory, string? password, CancellationToken cancel)
    {
        var parts = broker.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out int port))
        {
            Console.Error.WriteLine($"--broker must be host:port, got '{broker}'");
            return 2;
        }

        Directory.CreateDirectory(dataDirectory);
        await using var t = new SimulatedTerminal(site, id, Path.Combine(dataDirectory, $"{site}-{id}.flash"), parts[0], port,
            s => Console.WriteLine(TextFeedback.OneLine(s)), password);
        await RunAsync(t, new ConsoleKeyboard(Console.In), Console.Out, TimeProvider.System, cancel);
        return 0;
    }

    /// <summary>
    /// Boots the terminal and runs its loop until an empty line, the input's end or cancel. Its clock
    /// follows <paramref name="time"/>; connection news, typed-line answers and installed versions go to output.
    /// </summary>
    public static async Task RunAsync(SimulatedTerminal t, IKeyboard keyboard, TextWriter output, TimeProvider time, CancellationToken cancel)
    {
        t.Uplink.ConnectionNews = news => output.WriteLine(news);
        t.Clock.SetUtc(time.GetUtcNow().UtcDateTime);

        // Version 0: the demo's cards until the gateway offers the site's roster (version 1 and up), which then replaces it.
        t.Boot(SyntheticDay.RosterImage(version: 0));
        output.WriteLine($"Terminal {t.Site}/{t.TerminalId}: type a card UID in hex (e.g. 04521000_8A3C80) and Enter; '{HostKey}' is the host button; an empty line quits.");
        uint roster = t.Core.Rosters.ActiveVersion, config = t.Core.Config.ConfigVersion;
        string? line = null;
        bool typed = false;
        while (!cancel.IsCancellationRequested)
        {
            await t.RunUntilAsync(() =>
            {
                if (t.Core.Rosters.ActiveVersion != roster || t.Core.Config.ConfigVersion != config)
                {
                    roster = t.Core.Rosters.ActiveVersion;
                    config = t.Core.Config.ConfigVersion;
                    output.WriteLine($"已安装网关下发的名册第 {roster} 版、配置第 {config} 版");
                }

                typed = keyboard.TryReadLine(out line);
                return typed || cancel.IsCancellationRequested;
            }, TimeSpan.MaxValue, time);
            if (!typed || string.IsNullOrEmpty(line))
            {
                break;
            }

            if (line.Trim() == HostKey)
            {
                t.Core.ShowHostReview();
                continue;
            }

            try
            {
                t.Tap(time.GetUtcNow().UtcDateTime, ScriptedCardReader.ParseUid(line));
            }
            catch (FormatException ex)
            {
                output.WriteLine(ex.Message);
                continue;
            }

            await t.WaitUntilUploadedAsync(TimeSpan.FromSeconds(2));
            output.WriteLine($"待上传 {t.Core.Ledger.PendingCount} 条{(t.Uplink.IsConnected ? string.Empty : "（未连接 broker）")}");
        }
    }
}
