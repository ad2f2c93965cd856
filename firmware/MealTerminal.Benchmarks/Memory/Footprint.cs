using System.Reflection;
using MealTerminal.Core;
using MealTerminal.Core.Cards;
using MealTerminal.Core.Display;
using MealTerminal.Core.Integrity;
using MealTerminal.Core.Ledger;
using MealTerminal.Core.SelfTest;

namespace MealTerminal.Benchmarks.Memory;

/// <summary>One structure's modelled nanoCLR heap bytes.</summary>
public sealed record FootprintLine(string Name, long Bytes);

/// <summary>
/// The terminal's heap, structure by structure, in NanoHeapModel's terms: a booted terminal with a
/// 20,000-elder roster (without the host's chip and fakes, which on the device are the external
/// NOR chip and the adapters), the core's static tables, and the self-test's checks at their fullest.
/// </summary>
public static class Footprint
{
    /// <summary>Budget of issue 15: the running terminal with its adapters.</summary>
    public const long TerminalBudget = 64 * 1024;

    /// <summary>Budget of issue 15: the self-test on top of the running terminal.</summary>
    public const long SelfTestBudget = 24 * 1024;

    public static IReadOnlyList<FootprintLine> RunningTerminal()
    {
        var bench = new TerminalBench();
        var model = new NanoHeapModel();
        Terminal terminal = bench.Terminal;
        model.Exclude(bench.Chip, bench.Clock, Field(terminal, "reader"), Field(terminal, "feedback"), Field(terminal, "uplink"));
        object taps = Field(terminal, "taps");
        MealLedger ledger = terminal.Ledger;
        var lines = new List<FootprintLine>
        {
            new("terminal configuration (periods, prices)", model.Measure(bench.Config)),
            new("who-ate (2,048 elders)", model.Measure(Field(taps, "whoAte"))),
            new("ledger per-sector tables", model.Measure(Field(ledger, "sectorFirstSequence")) + model.Measure(Field(ledger, "sectorEraseCount")) + model.Measure(Field(ledger, "headerKnown"))),
            new("send buffer (one upload batch)", model.Measure(Field(terminal.Sync, "sendBuffer"))),
            new("inbound buffer (one download chunk)", model.Measure(Field(terminal, "inbound"))),
            new("configuration image buffer", model.Measure(Field(terminal.Configs, "image"))),
            new("rest of the terminal (page buffers, screens, rules, sync state)", model.Measure(terminal)),
        };
        var statics = new NanoHeapModel();
        lines.Add(new("static: glyph table", statics.Measure(GlyphTable.Widths) + statics.Measure(GlyphTable.Offsets) + statics.Measure(GlyphTable.Bitmaps)));
        lines.Add(new("static: CRC table", statics.Measure(typeof(Crc32).GetField("Table", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null))));
        lines.Add(new("static: the other static fields of the core", statics.MeasureStatics(typeof(Terminal).Assembly)));
        return lines;
    }

    /// <summary>Each check's structures at its fullest point, built the way the check builds them.</summary>
    public static IReadOnlyList<FootprintLine> SelfTestChecks()
    {
        return
        [
            new("ledger checks: chip and mounted ledger after appends", LedgerCheck()),
            new("roster-search: chip with the roster and its slot", RosterCheck()),
            new("terminal checks: bench terminal with a full ledger", TerminalCheck()),
        ];
    }

    private static long LedgerCheck()
    {
        var chip = LedgerChecks.NewChip();
        MealLedger ledger = LedgerChecks.Mount(chip);
        for (int i = 1; ledger.Append(LedgerChecks.Meal(i)) && i < 10_000; i++)
        {
        }

        var model = new NanoHeapModel();
        return model.Measure(chip) + model.Measure(ledger);
    }

    private static long RosterCheck()
    {
        var chip = RosterChecks.WrittenChip();
        var slot = new MealTerminal.Core.Roster.RosterSlot(chip, 0, chip.SectorCount);
        var model = new NanoHeapModel();
        return model.Measure(chip) + model.Measure(slot);
    }

    private static long TerminalCheck()
    {
        var bench = new BenchTerminal();
        uint before = 0;
        for (int n = 1; bench.Terminal.Ledger.NextSequence != before; n++)
        {
            before = bench.Terminal.Ledger.NextSequence;
            bench.TapStranger(n);
        }

        bench.Tap(CardReadStatus.Card, BenchTerminal.Uid(1));
        return new NanoHeapModel().Measure(bench);
    }

    private static object Field(object owner, string name) =>
        owner.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(owner)
        ?? throw new InvalidOperationException($"{owner.GetType().Name} has no field {name}: update Footprint");
}
