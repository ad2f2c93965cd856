using MealTerminal.Core.Ledger;
using MealTerminal.Core.SelfTest;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Ledger;

/// <summary>
/// The state log on a small emulated chip (32 entries per sector, so it compacts often): power is
/// cut at every program and erase of a compaction, the terminal boots, and power is cut again at
/// every position of the next compaction. Issue #13 item 7: the second compaction used to erase
/// the only copy of the keys the first one had not copied yet.
/// </summary>
public class StateLogTests
{
    private const int Keys = 10;

    [Fact]
    public void TwoCompactionsCutInARow_KeepTheNewestValueOfEveryKey()
    {
        var chip = new EmulatedNorFlash(2, sectorSize: 512, pageSize: 256);
        var expected = new uint[Keys + 1];
        var log = Mount(chip);
        for (int key = 2; key <= Keys; key++)
        {
            expected[key] = (uint)(1000 + key);
            log.Set(key, expected[key]);
        }

        var failures = new List<string>();
        var first = SetUntilCompaction(chip, log, expected);
        int firstCuts = CutEverywhere(first, expected, (afterFirst, seen, cut1) =>
        {
            var log2 = Mount(afterFirst);
            var second = SetUntilCompaction(afterFirst, log2, seen);
            int secondCuts = CutEverywhere(second, seen, (afterSecond, seen2, cut2) =>
            {
                string? problem = Differences(Mount(afterSecond), seen2);
                if (problem != null && failures.Count < 10)
                {
                    failures.Add($"cut {cut1} of the first compaction, cut {cut2} of the second: {problem}");
                }
            });
            Assert.True(secondCuts >= Keys, $"second compaction took only {secondCuts} operations");
        });

        Assert.Empty(failures);
        Assert.True(firstCuts >= Keys, $"first compaction took only {firstCuts} operations");
    }

    [Fact]
    public void ValuesSurviveManyCompactionsAndRemounts()
    {
        var chip = new EmulatedNorFlash(2, sectorSize: 512, pageSize: 256);
        var expected = new uint[Keys + 1];
        for (int round = 0; round < 40; round++)
        {
            var log = Mount(chip);
            Assert.Null(Differences(log, expected));
            for (int i = 0; i < 25; i++)
            {
                int key = 1 + ((round + i) % Keys);
                expected[key] = (uint)((round * 100) + i + 1);
                log.Set(key, expected[key]);
            }
        }

        Assert.True(chip.Erases >= 20, $"only {chip.Erases} erases");
    }

    /// <summary>A chip state just before a Set that compacts, and that Set.</summary>
    private sealed record Compaction(EmulatedNorFlash Before, int Key, uint Value);

    private static StateLog Mount(EmulatedNorFlash chip)
    {
        var log = new StateLog(chip, 0);
        log.Mount();
        return log;
    }

    /// <summary>Sets key 1 to increasing values until a Set erases a sector; returns the chip as it was before that Set.</summary>
    private static Compaction SetUntilCompaction(EmulatedNorFlash chip, StateLog log, uint[] expected)
    {
        for (int i = 0; i < 200; i++)
        {
            var before = chip.Copy();
            long erases = chip.Erases;
            uint value = expected[1] + 1;
            log.Set(1, value);
            expected[1] = value;
            if (chip.Erases > erases)
            {
                expected[1] = value - 1;
                return new Compaction(before, 1, value);
            }
        }

        throw new InvalidOperationException("the state log never compacted");
    }

    /// <summary>
    /// For every program and erase of the compacting Set: boots on a copy, cuts the power there,
    /// checks every key on a fresh mount, and hands the chip and the values it must keep on.
    /// Returns how many positions were cut.
    /// </summary>
    private static int CutEverywhere(Compaction compaction, uint[] expected, Action<EmulatedNorFlash, uint[], int> then)
    {
        for (int cut = 1; ; cut++)
        {
            var chip = compaction.Before.Copy(seed: cut);
            var log = Mount(chip);
            chip.CutPowerAt(cut);
            try
            {
                log.Set(compaction.Key, compaction.Value);
                return cut - 1;
            }
            catch (PowerCutException)
            {
            }

            var after = chip.Copy(seed: cut + 31);
            var seen = (uint[])expected.Clone();
            uint key1 = Mount(after).Get(compaction.Key, 0);
            if (key1 == compaction.Value)
            {
                seen[compaction.Key] = compaction.Value; // the cut Set may or may not have landed
            }

            string? problem = Differences(Mount(after), seen);
            Assert.True(problem == null, $"cut {cut}: {problem}");
            then(after, seen, cut);
        }
    }

    private static string? Differences(StateLog log, uint[] expected)
    {
        for (int key = 1; key <= Keys; key++)
        {
            uint value = log.Get(key, 0);
            if (value != expected[key])
            {
                return $"key {key} reads {value}, newest acknowledged value {expected[key]}";
            }
        }

        return null;
    }
}
