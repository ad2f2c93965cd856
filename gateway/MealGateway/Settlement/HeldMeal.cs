using System.Text.Json.Serialization;

namespace MealGateway.Settlement;

/// <summary>
/// A meal beyond an elder's limit for one (day, meal period), counted at a second site or a second
/// terminal: held out of the payable totals until an operator approves it (paid as an extra meal)
/// or rejects it (not paid). Id is the record's key, "{site}/{terminal}/{sequence:D10}"; PaidFirst
/// names the meal(s) paid before it. Amounts are what it would be paid. AtDoor: a meal delivered in a
/// round (a canteen meal and a delivery in one period, by two terminals that could not know of each other).
/// </summary>
public sealed record HeldMeal(
    string Id, string Site, string Terminal, long Sequence, long ElderId, int Category, string Day, int Period,
    DateTime PlacedUtc, string PaidFirst, string Status, string DecidedBy, DateTime? DecidedUtc, string Reason,
    long PriceFen = 0, long SubsidyFen = 0, long CoPaymentFen = 0, bool AtDoor = false)
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>Approved: paid like any counted meal.</summary>
    [JsonIgnore]
    public bool Paid => Status == Approved;

    public static string Label(string status) => status switch
    {
        Approved => "已批准（按加餐支付）",
        Rejected => "已驳回（不支付）",
        _ => "待审核（暂不支付）",
    };
}

/// <summary>An operator's decision on a held meal, stored durably and carried into every later revision.</summary>
public sealed class ReviewDecision
{
    /// <summary>The held record's key.</summary>
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Day { get; set; } = string.Empty;

    /// <summary>approve or reject.</summary>
    public string Decision { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public string By { get; set; } = string.Empty;
    public DateTime DecidedUtc { get; set; }
}
