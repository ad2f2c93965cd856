using System.Diagnostics;
using MealTerminal.Benchmarks;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

// Figures for docs/benchmarks.md: flash work per tap, bytes read at boot with a full ledger,
// records per MB, managed allocation per tap, and sector wear over a long run; with "memory",
// only the modelled heap of each structure (MealTerminal.Benchmarks.Memory).
// --names firmware/Fonts/gb2312-24-32.fnt: the same on a W25Q128 with names in the roster and the colour screen drawn in that font image.
// Any other argument: the voice pack the voice figures use.
if (args.Length > 0 && args[0] == "memory")
{
    MealTerminal.Benchmarks.Memory.FootprintReport.Print(Console.Out);
    return;
}

string? fontImage = args.Length == 2 && args[0] == "--names" ? args[1] : null;
string voicePack = args.Length == 1 ? args[0] : "firmware/VoicePacks/mandarin-espeak.vpk";
var bench = new TerminalBench(fontImage);
var layout = new FlashLayout(bench.Chip, TerminalBench.RosterSize);
Console.WriteLine($"chip: {bench.Chip.SectorCount} sectors of 4 KB ({(bench.Names ? "W25Q128" : "W25Q32")} less 2 reserved); roster {TerminalBench.RosterSize} elders{(bench.Names ? " with names" : string.Empty)}, " +
    $"2 x {layout.RosterSectorsPerSlot} sectors; font 2 x {layout.FontSectorsPerSlot} sectors; ledger {layout.LedgerSectorCount} sectors");

// 1. Taps: 200 warm-up, then 1,000 accepted taps of different elders in one meal period.
var uid = new byte[7];
for (int i = 0; i < 200; i++)
{
    TerminalBench.UidOf(i, uid);
    bench.Tap(uid);
}

const int Taps = 1000;
long maxPageReads = 0;
long pageReads = 0, programs = 0, erases = 0;
int accepted = 0;
long allocated = GC.GetAllocatedBytesForCurrentThread();
for (int i = 200; i < 200 + Taps; i++)
{
    TerminalBench.UidOf(i * 7 % TerminalBench.RosterSize, uid);
    bench.Chip.Reset();
    bench.Tap(uid);
    maxPageReads = Math.Max(maxPageReads, bench.Chip.PageReads);
    pageReads += bench.Chip.PageReads;
    programs += bench.Chip.Programs;
    erases += bench.Chip.Erases;
    accepted += VerdictCode.IsMeal(bench.LastVerdict) ? 1 : 0;
}

allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
Console.WriteLine($"taps: {accepted}/{Taps} accepted; page reads per tap {pageReads / (double)Taps:F2} (max {maxPageReads}); " +
    $"programs per tap {programs / (double)Taps:F3}; erases per tap {erases / (double)Taps:F4}");
Console.WriteLine($"managed bytes allocated per tap after warm-up: {allocated / (double)Taps:F1} ({allocated} over {Taps} taps)");

// 2. Records per MB of ledger.
var ledger = bench.Terminal.Ledger;
double ledgerMb = layout.LedgerSectorCount * 4096 / (1024.0 * 1024.0);
Console.WriteLine($"ledger: {ledger.Capacity} one-slot records in {ledgerMb:F2} MB = {ledger.Capacity / ledgerMb:F0} records per MB");

// 3. Fill the ledger (300 meals a day over past days, nothing acknowledged), reboot, count bytes read.
var record = new MealRecord { Verdict = VerdictCode.Accepted, ClockValid = true, Period = 1, BootCount = 1 };
uint now = LocalTime.ToRecordSeconds(bench.Clock.Now);
int appended = 0;
var fill = Stopwatch.StartNew();
while (true)
{
    record.ElderId = (uint)(100000 + (appended % TerminalBench.RosterSize));
    record.Category = appended % ElderCategory.Count;
    record.Time = now - (uint)((ledger.Capacity - appended) / 300 * 86400) + (uint)(appended % 300 * 20);
    if (!ledger.Append(record))
    {
        break;
    }

    appended++;
}

Console.WriteLine($"full ledger: {appended} more records appended in {fill.ElapsedMilliseconds} ms; pending {ledger.PendingCount}, used {ledger.UsedPercent}%");
bench.Chip.Reset();
var boot = Stopwatch.StartNew();
bench.Reboot();
Console.WriteLine($"boot with a full ledger: {bench.Chip.BytesRead} bytes read ({bench.Chip.BytesRead / 1024.0:F1} KB; ledger mount {bench.Terminal.Ledger.BytesReadAtMount} bytes), " +
    $"{bench.Chip.Programs} programs, {boot.Elapsed.TotalMilliseconds:F0} ms on this PC");
var chip = bench.Chip;
Console.WriteLine($"  by structure: state log {chip.BytesReadIn(layout.StateFirstSector, FlashLayout.StateSectors)}, roster {chip.BytesReadIn(layout.RosterFirstSector, 2 * layout.RosterSectorsPerSlot)}, " +
    $"config {chip.BytesReadIn(layout.ConfigFirstSector, FlashLayout.ConfigSectors)}, font {chip.BytesReadIn(layout.FontFirstSector, 2 * layout.FontSectorsPerSlot)}, " +
    $"ledger {chip.BytesReadIn(layout.LedgerFirstSector, layout.LedgerSectorCount)} (mount {bench.Terminal.Ledger.BytesReadAtMount}, the rest who-ate and rounds), " +
    $"voice {chip.BytesReadIn(layout.VoiceFirstSector, 2 * layout.VoiceSectorsPerSlot)}");
chip.Reset();
chip.ProfileBoot = true;
bench.Reboot();
chip.ProfileBoot = false;
Console.WriteLine("  by boot step: " + string.Join(", ", chip.BytesReadByBootStep.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value}")));

// 4. Wear: acknowledge as a gateway would (every 50 records) and keep appending for 3 ring turns.
ledger = bench.Terminal.Ledger;
ledger.Acknowledge(ledger.NextSequence - 1);
long target = 3L * ledger.Capacity;
for (long i = 0; i < target; i++)
{
    record.Time = now + (uint)(i / 300 * 86400);
    if (!ledger.Append(record))
    {
        throw new InvalidOperationException("ledger refused while acknowledged");
    }

    if (i % 50 == 49)
    {
        ledger.Acknowledge(ledger.NextSequence - 1);
    }
}

var ledgerErases = bench.Chip.EraseCounts.Skip(layout.LedgerFirstSector).Take(layout.LedgerSectorCount).ToArray();
Console.WriteLine($"wear after {target} more records ({target / 300} days at 300 a day): ledger sector erases min {ledgerErases.Min()} max {ledgerErases.Max()} " +
    $"(spread {ledgerErases.Max() - ledgerErases.Min()}); state log sectors {bench.Chip.EraseCounts[0]} and {bench.Chip.EraseCounts[1]} erases for {target / 50} acknowledgements");

// 5. The voice: tap to first audio byte, reads and allocation per tap with the shipped pack.
VoiceBench.Run(voicePack);
