using MealTerminal.Simulator.Adapters;
using MealTerminal.Simulator.Demo;

namespace MealTerminal.Simulator;

/// <summary>A terminal driven from the keyboard, on the real clock, against a running gateway.</summary>
public static class KeyboardTerminal
{
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
        t.Clock.SetUtc(DateTime.UtcNow);
        t.Boot(SyntheticDay.RosterImage());
        Console.WriteLine($"Terminal {site}/{id}: type a card UID in hex and Enter (empty line quits).");
        while (!cancel.IsCancellationRequested && Console.ReadLine() is { Length: > 0 } line)
        {
            try
            {
                t.Tap(DateTime.UtcNow, ScriptedCardReader.ParseUid(line));
            }
            catch (FormatException ex)
            {
                Console.WriteLine(ex.Message);
            }

            await t.WaitUntilUploadedAsync(TimeSpan.FromSeconds(2));
            Console.WriteLine($"待上传 {t.Core.Ledger.PendingCount} 条");
        }

        return 0;
    }
}
