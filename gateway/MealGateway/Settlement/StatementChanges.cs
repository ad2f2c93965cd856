namespace MealGateway.Settlement;

/// <summary>What a revision changed: rows whose meals or subsidy differ from the revision before.</summary>
public static class StatementChanges
{
    public static List<StatementChange> Between(IReadOnlyList<StatementRow> before, IReadOnlyList<StatementRow> after)
    {
        var old = before.ToDictionary(r => (r.Day, r.Period, r.Category));
        var now = after.ToDictionary(r => (r.Day, r.Period, r.Category));
        var changes = new List<StatementChange>();
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k.Day, StringComparer.Ordinal).ThenBy(k => k.Period).ThenBy(k => k.Category))
        {
            old.TryGetValue(key, out var a);
            now.TryGetValue(key, out var b);
            var any = b ?? a!;
            if (a is not null && b is not null && a.Meals == b.Meals && a.SubsidyFen == b.SubsidyFen && a.CoPaymentFen == b.CoPaymentFen)
            {
                continue;
            }

            changes.Add(new StatementChange(key.Day, key.Period, any.PeriodName, key.Category, any.CategoryName,
                a?.Meals ?? 0, b?.Meals ?? 0, a?.SubsidyFen ?? 0, b?.SubsidyFen ?? 0));
        }

        return changes;
    }
}
