namespace MealGateway.Delivery;

/// <summary>A delivery round marker as the gateway keeps it per terminal: from Sequence on, a round by Courier is open (Start) or closed.</summary>
public sealed class RoundMark
{
    public long Sequence { get; set; }
    public long Courier { get; set; }
    public bool Start { get; set; }
}

/// <summary>
/// One delivery round (送餐轮次) of a terminal in delivery mode, from the courier's start marker to the
/// end marker: who delivered, when, and how many meals. Id "{site}/{terminal}/{start sequence:D10}".
/// Kept up to date at ingest; statements list rounds per courier (docs/settlement.md, "Home delivery").
/// </summary>
public sealed class DeliveryRound
{
    public string Id { get; set; } = string.Empty;
    public string Site { get; set; } = string.Empty;
    public string Terminal { get; set; } = string.Empty;

    /// <summary>Gateway sequence of the start marker: the round's number on its terminal.</summary>
    public long StartSequence { get; set; }
    public long Courier { get; set; }

    /// <summary>Gateway sequence of the end marker; 0 while the round is open (or its end not yet uploaded).</summary>
    public long EndSequence { get; set; }

    /// <summary>Local day of the round's first counted delivery (yyyy-MM-dd), null before one is placed in time.</summary>
    public string? Day { get; set; }

    /// <summary>Meals delivered (counted at the door) in the round, and of them to elders not registered for delivery.</summary>
    public int Delivered { get; set; }
    public int Unregistered { get; set; }

    public static string KeyOf(string site, string terminal, long startSequence) => $"{site}/{terminal}/{startSequence:D10}";
}
