using LiteDB;
using MealGateway.Storage;

namespace MealGateway.Settlement;

public enum ReviewOutcome
{
    Decided,
    UnknownId,
    AlreadyDecided,
    BadInput,
}

/// <summary>What a decision did, with a message for the operator (Chinese).</summary>
public sealed record ReviewResult(ReviewOutcome Outcome, string Message);

/// <summary>
/// The operator's side of held meals: list them and decide each once (approve: paid as an extra
/// meal; reject: not paid), with who and why. A decision is stored with its time and marks the
/// site's day and month to settle again in the same transaction; bad input changes nothing.
/// Used by POST /api/reviews/{id} and the `review` command.
/// </summary>
public sealed class ReviewDesk(MealStore store, TimeProvider time)
{
    /// <summary>Held meals of a month (yyyy-MM), of one site or all, with their decisions.</summary>
    public IReadOnlyList<HeldMeal> Held(string month, string? site = null) =>
        store.Read(db => Find(db, month)).Where(h => site is null || h.Site == site).ToList();

    public ReviewResult Decide(string id, string? decision, string? reason, string? by)
    {
        if (decision is not ("approve" or "reject"))
        {
            return new(ReviewOutcome.BadInput, $"decision 应为 approve（批准，按加餐支付）或 reject（驳回，不支付），收到 '{decision}'");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new(ReviewOutcome.BadInput, "必须填写理由（reason）");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return new(ReviewOutcome.BadInput, "必须填写审核人（by）");
        }

        return store.Durably(db =>
        {
            var record = db.GetCollection<StoredRecord>(MealStore.RecordsName).FindById(id);
            var held = record?.Day is null ? null : Find(db, record.Day[..7]).FirstOrDefault(h => h.Id == id);
            if (held is null)
            {
                return new ReviewResult(ReviewOutcome.UnknownId, $"没有编号为 {id} 的待审核餐次");
            }

            if (held.Status != HeldMeal.Pending)
            {
                return new ReviewResult(ReviewOutcome.AlreadyDecided,
                    $"餐次 {id} 已于 {held.DecidedUtc:yyyy-MM-dd HH:mm} UTC 由 {held.DecidedBy} 审核：{HeldMeal.Label(held.Status)}，不能再改");
            }

            var now = time.GetUtcNow().UtcDateTime;
            db.GetCollection<ReviewDecision>(HeldMeals.DecisionsName).Insert(new ReviewDecision
            {
                Id = id, Site = held.Site, Day = held.Day, Decision = decision, Reason = reason.Trim(), By = by.Trim(), DecidedUtc = now,
            });
            long generation = ChangeGeneration.Next(db);
            db.GetCollection<DirtyMark>(MealStore.DirtyName).Upsert(
            [
                ChangeGeneration.Mark(StatementKind.Daily, held.Site, held.Day, generation),
                ChangeGeneration.Mark(StatementKind.Monthly, held.Site, held.Day[..7], generation),
            ]);
            return new ReviewResult(ReviewOutcome.Decided, $"餐次 {id}：{HeldMeal.Label(decision == "approve" ? HeldMeal.Approved : HeldMeal.Rejected)}，下一版结算单生效");
        });
    }

    private List<HeldMeal> Find(LiteDatabase db, string month) => HeldMeals.Find(
        db, month, ElderCells.ForMonth(db, month), store.Periods);
}
