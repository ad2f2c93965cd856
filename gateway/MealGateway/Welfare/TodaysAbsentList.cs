using MealGateway.Storage;

namespace MealGateway.Welfare;

/// <summary>
/// Today's absent list, kept in memory once drawn up, so the console's overview (refreshed every
/// 5 s by each open console) does not read three months of elder cells under the store's lock each
/// time. The list is kept with what it was drawn from: the day, the county's rule of the day and the
/// store's write generation read before drawing. Anything that can change the list is a store write
/// (a meal stored or placed, a known reason, a check, a roster), which bumps the generation before it
/// commits; a different rule (the policy reloaded) or another day misses too. So a read sees every
/// change that completed before it began, and one list is drawn per change, lazily, on the next read.
/// Draws are serialised: readers arriving while a list is being drawn wait for it and share it.
/// </summary>
public sealed class TodaysAbsentList(MealStore store)
{
    private readonly object gate = new();
    private Kept? kept;

    /// <summary>The kept list when it is still current, else the one <paramref name="draw"/> draws up now (then kept).</summary>
    public AbsentList Get(string day, WelfareSetting setting, Func<AbsentList> draw)
    {
        lock (gate)
        {
            long generation = store.WriteGeneration; // before drawing: the list drawn is at least this new
            if (kept is { } k && k.Day == day && k.Setting == setting && k.Generation == generation)
            {
                return k.List;
            }

            var list = draw();
            kept = new Kept(day, setting, generation, list);
            return list;
        }
    }

    private sealed record Kept(string Day, WelfareSetting Setting, long Generation, AbsentList List);
}
