using MealTerminal.Core;
using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Simulator.Adapters;
using MealTerminal.Simulator.Voice;

namespace MealTerminal.Simulator;

/// <summary>
/// One terminal on a PC: the portable core with host adapters (flash file, MQTTnet uplink,
/// scripted reader, text display, simulated clock).
/// </summary>
public sealed class SimulatedTerminal : IAsyncDisposable
{
    /// <summary>A W25Q32: 1024 sectors of 4 KB (no room for a font image).</summary>
    public const int FlashSectors = 1024;

    /// <summary>A W25Q128: 4096 sectors of 4 KB, with font slots (docs/formats.md).</summary>
    public const int LargeFlashSectors = 4096;

    public const int MaxRosterEntries = 20000;

    private readonly FileFlash flash;

    public SimulatedTerminal(string site, string terminalId, string flashPath, string brokerHost, int brokerPort, Action<Screen>? print = null, string? password = null, string? voiceFolder = null, int flashSectors = FlashSectors)
    {
        Site = site;
        TerminalId = terminalId;
        flash = new FileFlash(flashPath, flashSectors);
        Uplink = new MqttUplink(brokerHost, brokerPort, site, terminalId, password);
        Feedback = new TextFeedback(print);
        var config = new TerminalConfig(site, terminalId, TerminalConfig.DefaultPeriods());
        Core = new Terminal(config, new FlashLayout(flash, MaxRosterEntries, FlashLayout.DefaultVoiceSectorsPerSlot), flash, Reader, Clock, Feedback, Uplink);
        if (voiceFolder is not null)
        {
            Voice = new WavPromptWriter(Core.VoicePacks, flash, voiceFolder, $"{site}-{terminalId}");
            Core.Voice = Voice;
        }
    }

    public string Site { get; }

    public string TerminalId { get; }

    public Terminal Core { get; }

    public SimulatedClock Clock { get; } = new();

    public ScriptedCardReader Reader { get; } = new();

    public TextFeedback Feedback { get; }

    public MqttUplink Uplink { get; }

    /// <summary>Writes each prompt as a WAV file; null when the terminal was made without a voice folder.</summary>
    public WavPromptWriter? Voice { get; }

    /// <summary>
    /// Boots the core and starts the uplink; with a roster image, installs it first when flash has none
    /// or an older one (provisioning). Without one the terminal gets its roster from the gateway.
    /// </summary>
    public void Boot(byte[]? rosterImage = null)
    {
        Core.Boot();
        byte[] pack = ShippedVoicePack.Read();
        if (Core.VoicePacks.InstalledVersion < BitConverter.ToUInt32(pack, 8) && !Core.VoicePacks.Install(pack))
        {
            throw new InvalidOperationException("the shipped voice pack failed its check");
        }

        if (rosterImage is not null && (Core.Rosters.Active is null || Core.Rosters.ActiveVersion < ReadVersion(rosterImage)))
        {
            if (!Core.Rosters.Install(rosterImage))
            {
                throw new InvalidOperationException("roster image failed its check");
            }

            Core.Boot();
        }

        Uplink.Start();
    }

    /// <summary>Presents a card at a wall time and runs one tick; returns the screen the elder sees.</summary>
    public Screen Tap(DateTime utc, byte[] uid)
    {
        Clock.MoveTo(utc);
        Reader.Present(uid);
        Core.Tick();
        return Core.LastScreen;
    }

    /// <summary>
    /// Runs the main loop with no card until done says so, the simulated clock following real time,
    /// so round trips are measured as a real terminal measures them however loaded the machine is.
    /// Wakes on every inbound message (at least every 10 ms). False when <paramref name="limit"/> of
    /// real time passed first: a guard against a hang, not a deadline for the work. Real time is
    /// <paramref name="time"/>'s (the system's unless a test moves its own).
    /// </summary>
    public async Task<bool> RunUntilAsync(Func<bool> done, TimeSpan limit, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        long start = time.GetTimestamp();
        long lastMs = 0;
        while (true)
        {
            var elapsed = time.GetElapsedTime(start);
            long nowMs = (long)elapsed.TotalMilliseconds;
            Clock.Advance(TimeSpan.FromMilliseconds(nowMs - lastMs));
            lastMs = nowMs;
            Core.Tick();
            if (done())
            {
                return true;
            }

            if (elapsed > limit)
            {
                return false;
            }

            await Uplink.WaitForInboundAsync(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>Runs the main loop with no card until every record is acknowledged (see RunUntilAsync).</summary>
    public Task<bool> WaitUntilUploadedAsync(TimeSpan limit) => RunUntilAsync(() => Core.Ledger.PendingCount == 0, limit);

    public async ValueTask DisposeAsync()
    {
        await Uplink.DisposeAsync();
        flash.Dispose();
    }

    private static uint ReadVersion(byte[] image) => BitConverter.ToUInt32(image, 8);
}
