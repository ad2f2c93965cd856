using MealGateway.Policy;
using MealGateway.Storage;
using MealTerminal.Core.Meals;

namespace MealGateway.Settlement;

/// <summary>
/// The delivered meals of a site's month, apart from the canteen's: the delivery fee of each day,
/// meal period and category at the policy's delivery line in force that day, and the rounds with
/// their couriers. A delivered meal held for review (HeldMeal.AtDoor, not approved) carries no fee.
/// </summary>
internal static class DeliveryLines
{
    public static List<DeliveryRow> Rows(SubsidyPolicy policy, SiteMonth input, List<HeldMeal> unpaid, Func<int, string> periodName)
    {
        var rows = new List<DeliveryRow>();
        foreach (var cell in (input.Delivered ?? []).OrderBy(c => c.Day, StringComparer.Ordinal).ThenBy(c => c.Period).ThenBy(c => c.Category))
        {
            int meals = cell.Meals - unpaid.Count(h => h.AtDoor && h.Day == cell.Day && h.Period == cell.Period && h.Category == cell.Category);
            if (meals <= 0)
            {
                continue;
            }

            var rate = policy.DeliveryOn(input.Site, DateOnly.ParseExact(cell.Day, "yyyy-MM-dd"), cell.Category);
            rows.Add(new DeliveryRow(cell.Day, cell.Period, periodName(cell.Period), cell.Category, ElderCategory.ChineseName(cell.Category), meals,
                meals * (rate?.FeeFen ?? 0), meals * (rate?.SubsidyFen ?? 0), meals * (rate?.CoPaymentFen ?? 0)));
        }

        return rows;
    }

    public static List<RoundLine> Rounds(SiteMonth input) =>
        (input.Rounds ?? []).OrderBy(r => r.Day, StringComparer.Ordinal).ThenBy(r => r.Terminal, StringComparer.Ordinal).ThenBy(r => r.StartSequence)
            .Select(r => new RoundLine(r.Terminal, r.StartSequence, r.Courier, r.Day, r.Delivered, r.Unregistered, r.EndSequence != 0))
            .ToList();
}
