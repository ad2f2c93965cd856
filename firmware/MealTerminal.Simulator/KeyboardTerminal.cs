using System.Threading.Channels;
using MealTerminal.Simulator.Adapters;
using MealTerminal.Simulator.Demo;

namespace MealTerminal.Simulator;

/// <summary>
/// A terminal driven from the keyboard, on the real clock, against a running gateway. The main loop
/// keeps running between lines (heartbeats, time, roster and configuration downloads), as a real
/// terminal's does between taps; typed lines arrive from a reader thread.
/// </summary>
public static class KeyboardTerminal
{
    /// <summary>What to type for the host card / host button: the host review (docs/verdicts.md).</summary>
    public const string HostKey = "h";

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
        t.Uplink.ConnectionNews = news => Console.WriteLine(news);
        t.Clock.SetUtc(DateTime.UtcNow);

        // Version 0: the demo's cards until the gateway offers the site's roster (version 1 and up), which then replaces it.
        t.Boot(SyntheticDay.RosterImage(version: 0));
        Console.WriteLine($"Terminal {site}/{id}: type a card UID in hex (e.g. 04521000_8A3C80) and Enter; '{HostKey}' is the host button; an empty line quits.");
        var lines = Channel.CreateUnbounded<string?>();
        var reader = new Thread(() =>
        {
            string? line;
            do
            {
                line = Console.ReadLine();
                lines.Writer.TryWrite(line);
            }
            while (!string.IsNullOrEmpty(line));
        }) { IsBackground = true, Name = "keyboard" };
        reader.Start();

        while (!cancel.IsCancellationRequested)
        {
            await t.RunUntilAsync(() => lines.Reader.Count > 0 || cancel.IsCancellationRequested, TimeSpan.MaxValue);
            if (!lines.Reader.TryRead(out string? line) || string.IsNullOrEmpty(line))
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
                t.Tap(DateTime.UtcNow, ScriptedCardReader.ParseUid(line));
            }
            catch (FormatException ex)
            {
                Console.WriteLine(ex.Message);
                continue;
            }

            await t.WaitUntilUploadedAsync(TimeSpan.FromSeconds(2));
            Console.WriteLine($"待上传 {t.Core.Ledger.PendingCount} 条{(t.Uplink.IsConnected ? string.Empty : "（未连接 broker）")}");
        }

        return 0;
    }
}
