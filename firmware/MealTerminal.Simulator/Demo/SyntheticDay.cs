using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealTerminal.Simulator.Demo;

/// <summary>One scripted tap: which terminal, when (local time of the day), which card.</summary>
public sealed record ScriptedTap(string Site, string Terminal, TimeSpan LocalTime, byte[] Uid, string Note);

/// <summary>
/// A synthetic service day at two sites and three terminals: breakfast, lunch and dinner, some
/// elders tapping twice in a period, a double read of one card, one unknown card and one tap
/// outside meal hours. Deterministic, so the tests and the demo see the same day.
/// </summary>
public static class SyntheticDay
{
    public const int Elders = 36;

    public static byte[] UidOf(int elder) => new byte[] { 0x04, 0x52, 0x10, (byte)elder, 0x8A, 0x3C, 0x80 };

    public static readonly byte[] UnknownCard = { 0xDE, 0xAD, 0xBE, 0xEF };

    /// <summary>The courier's card (送餐员卡) of site S01's delivery terminal T09; courier id 9001.</summary>
    public static readonly byte[] CourierCard = { 0x04, 0x52, 0x10, 0xC0, 0x8A, 0x3C, 0x80 };

    /// <summary>Elders 30..35 have their meals delivered (registered for delivery).</summary>
    public const int FirstDelivered = 30;

    public static RosterEntry[] Roster()
    {
        var entries = new RosterEntry[Elders + 1];
        for (int i = 0; i < Elders; i++)
        {
            var e = new RosterEntry
            {
                ElderId = (uint)(1001 + i), Category = (byte)(i % ElderCategory.Count), Status = CardStatus.Active, ValidToDay = RosterFormat.NoUpperBound,
                DeliveryRegistered = i >= FirstDelivered,
            };
            var uid = UidOf(i);
            CardKey.FromUid(uid, uid.Length, e.CardKey, 0);
            entries[i] = e;
        }

        var courier = new RosterEntry { ElderId = 9001, Status = CardStatus.Courier, ValidToDay = RosterFormat.NoUpperBound };
        CardKey.FromUid(CourierCard, CourierCard.Length, courier.CardKey, 0);
        entries[Elders] = courier;
        return entries;
    }

    public static byte[] RosterImage(uint version = 1) => RosterWriter.Build(Roster(), version, 4401);

    public static IReadOnlyList<ScriptedTap> Taps()
    {
        var taps = new List<ScriptedTap>();
        void Period(string site, string terminal, int hour, int minute, IEnumerable<int> elders)
        {
            var at = new TimeSpan(hour, minute, 0);
            foreach (int e in elders)
            {
                taps.Add(new ScriptedTap(site, terminal, at, UidOf(e), "meal"));
                at += TimeSpan.FromSeconds(40);
            }
        }

        Period("S01", "T01", 7, 0, Enumerable.Range(0, 6));
        Period("S01", "T01", 11, 20, Enumerable.Range(0, 10));
        taps.Add(new ScriptedTap("S01", "T01", new TimeSpan(11, 26, 1), UidOf(9), "double read, same tap"));
        taps.Add(new ScriptedTap("S01", "T01", new TimeSpan(12, 10, 0), UidOf(1), "repeat tap"));
        taps.Add(new ScriptedTap("S01", "T01", new TimeSpan(12, 15, 0), UnknownCard, "unknown card"));
        Period("S01", "T01", 17, 30, Enumerable.Range(0, 5));

        Period("S01", "T02", 11, 25, Enumerable.Range(10, 8));
        taps.Add(new ScriptedTap("S01", "T02", new TimeSpan(12, 40, 0), UidOf(12), "repeat tap"));
        Period("S01", "T02", 17, 40, Enumerable.Range(10, 4));

        Period("S02", "T03", 7, 10, Enumerable.Range(24, 4));
        Period("S02", "T03", 11, 15, Enumerable.Range(20, 10));
        taps.Add(new ScriptedTap("S02", "T03", new TimeSpan(12, 5, 0), UidOf(25), "repeat tap"));
        taps.Add(new ScriptedTap("S02", "T03", new TimeSpan(15, 0, 0), UidOf(26), "outside meal hours"));
        Period("S02", "T03", 17, 20, Enumerable.Range(24, 6));

        // The lunch round of S01's delivery terminal: the courier opens it, five elders tap at their doors, the courier closes it.
        taps.Add(new ScriptedTap("S01", "T09", new TimeSpan(11, 35, 0), CourierCard, "courier starts the round"));
        Period("S01", "T09", 11, 50, Enumerable.Range(FirstDelivered, 5));
        taps.Add(new ScriptedTap("S01", "T09", new TimeSpan(12, 30, 0), CourierCard, "courier ends the round"));
        return taps;
    }
}
