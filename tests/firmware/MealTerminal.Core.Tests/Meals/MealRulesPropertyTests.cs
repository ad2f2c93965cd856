using CsCheck;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;

namespace MealTerminal.Core.Tests.Meals;

/// <summary>
/// Issue 13 acceptance: random taps by six elders, reboots that keep or lose the clock, clocks set
/// forward and back by up to three days, time passing across period and day boundaries, all on a
/// whole Terminal over the test fakes. Every tap's verdict must be the one MealRulesModel gives
/// (so no meal the rules allow is refused and none they forbid is served), and in the final view
/// of time no elder has more meals in a (day, period) than its limit - except a meal served
/// without a clock in a boot that could not see the earlier one (a power cut with a flat clock
/// battery), which only the gateway can catch. A failure prints its CsCheck seed; run again with
/// CsCheck_Seed=that seed to reproduce it.
/// </summary>
public class MealRulesPropertyTests
{
    private static readonly DateTime Start = new(2026, 11, 22, 22, 0, 0, DateTimeKind.Utc); // 06:00 local

    private static readonly Gen<Step> AnyStep = Gen.Frequency(
        (10, Gen.Select(Gen.Int[0, 5], Gen.Int[1, 150], (elder, minutes) => new Step(StepKind.Tap, elder, minutes))),
        (2, Gen.Int[30, 600].Select(minutes => new Step(StepKind.Wait, 0, minutes))),
        (2, Gen.Select(Gen.Bool, Gen.Int[0, 240], (lost, minutes) => new Step(lost ? StepKind.RebootLosingClock : StepKind.Reboot, 0, minutes))),
        (2, Gen.Int[-3 * 1440, 3 * 1440].Select(minutes => new Step(StepKind.SetClock, 0, minutes))));

    [Fact]
    public void RandomTapsRebootsAndClockMoves_ServeEveryAllowedMealAndNoMealBeyondTheLimit()
    {
        int folded = 0, afterGap = 0, unseen = 0;
        Gen.Select(Gen.Bool, AnyStep.Array[10, 80]).Sample(scenario =>
        {
            var stats = Run(scenario.Item1, scenario.Item2);
            Interlocked.Add(ref folded, stats.RefusedByFoldedMeal);
            Interlocked.Add(ref afterGap, stats.ClocklessAfterGap);
            Interlocked.Add(ref unseen, stats.UnseenAcrossBoots);
        }, iter: 300, print: s => $"clock at boot {s.Item1}: " + string.Join(", ", s.Item2));

        Assert.True(folded > 0, "no run refused a meal because of a folded clockless meal");
        Assert.True(afterGap > 0, "no run served a second clockless meal after the gap");
        Assert.True(unseen > 0, "no run had a clockless boot miss an earlier boot's meal");
    }

    private static Stats Run(bool clockAtBoot, Step[] steps)
    {
        var rig = new TerminalRig();
        var model = new MealRulesModel();
        var stats = new Stats();
        var realNow = Start;
        int boot = rig.Terminal.BootCount;
        if (clockAtBoot)
        {
            rig.Clock.SetUtc(Start);
        }

        rig.Terminal.Tick();
        Observe();
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case StepKind.Tap:
                    Advance(step.Minutes);
                    Tap(step.Elder);
                    break;
                case StepKind.Wait:
                    Advance(step.Minutes);
                    break;
                case StepKind.Reboot or StepKind.RebootLosingClock:
                    rig.Clock.UtcNow += TimeSpan.FromMinutes(step.Minutes);
                    realNow += TimeSpan.FromMinutes(step.Minutes);
                    rig.Clock.IsWallClockValid &= step.Kind == StepKind.Reboot;
                    rig.Reboot();
                    boot = rig.Terminal.BootCount;
                    break;
                case StepKind.SetClock:
                    rig.Clock.SetUtc(realNow.AddMinutes(step.Minutes));
                    break;
            }

            rig.Terminal.Tick();
            Observe();
        }

        CheckFinalView(model, stats);
        return stats;

        void Advance(int minutes)
        {
            rig.Clock.Advance(TimeSpan.FromMinutes(minutes));
            realNow += TimeSpan.FromMinutes(minutes);
        }

        void Observe() => model.Observe(boot, rig.Clock.IsWallClockValid, Wall(), rig.Clock.MillisecondsSinceBoot);

        uint Wall() => LocalTime.ToRecordSeconds(rig.Clock.UtcNow);

        void Tap(int elder)
        {
            bool valid = rig.Clock.IsWallClockValid;
            long ms = rig.Clock.MillisecondsSinceBoot;
            bool allowed = model.Allows(elder, boot, valid, Wall(), ms, out int period);
            int before = rig.Feedback.Verdicts.Count;
            rig.Reader.Present(TerminalRig.Uid(elder));
            rig.Terminal.Tick();
            Observe();
            int verdict = rig.Feedback.Verdicts.Count > before ? rig.Feedback.Verdicts[^1] : 0;
            int expected = allowed ? VerdictCode.Accepted : valid && period < 0 ? VerdictCode.OutsidePeriod : VerdictCode.AlreadyEaten;
            Assert.Equal(expected, verdict == VerdictCode.AcceptedStorageLow ? VerdictCode.Accepted : verdict);
            if (allowed)
            {
                stats.ClocklessAfterGap += !valid && model.Meals.Any(m => m.Elder == elder && m.Boot == boot) ? 1 : 0;
                model.Accept(elder, boot, valid, Wall(), ms, period);
            }
            else if (valid && period >= 0 && model.Meals.Any(m => m.Elder == elder && !m.ClockValid && model.PlaceOf(m) == (LocalTime.LocalDay(Wall(), 480), period)))
            {
                stats.RefusedByFoldedMeal++;
            }
        }
    }

    /// <summary>Per (elder, day, period) in the final view: a meal beyond the limit must be a clockless one of a boot that had none of the earlier ones.</summary>
    private static void CheckFinalView(MealRulesModel model, Stats stats)
    {
        var groups = model.Meals.Where(m => model.PlaceOf(m) is not null).GroupBy(m => (m.Elder, model.PlaceOf(m)!.Value));
        foreach (var group in groups)
        {
            var meals = group.ToList(); // acceptance order
            for (int i = 1; i < meals.Count; i++)
            {
                var m = meals[i];
                Assert.False(m.ClockValid, $"elder {group.Key.Elder} served twice in {group.Key.Item2} with a valid clock");
                Assert.DoesNotContain(meals.Take(i), e => e.Boot == m.Boot);
                stats.UnseenAcrossBoots++;
            }
        }
    }

    private enum StepKind { Tap, Wait, Reboot, RebootLosingClock, SetClock }

    private sealed record Step(StepKind Kind, int Elder, int Minutes);

    private sealed class Stats
    {
        public int RefusedByFoldedMeal;
        public int ClocklessAfterGap;
        public int UnseenAcrossBoots;
    }
}
