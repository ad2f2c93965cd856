using MealTerminal.Core.Cards;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Roster;

namespace MealTerminal.Core.Tests.Fakes;

/// <summary>A terminal with a courier's card in its roster; elders 0..9 are registered for delivery, 10..19 are not.</summary>
public static class DeliveryRig
{
    public const uint CourierId = 8001;
    public static readonly byte[] CourierUid = { 0x04, 0x55, 0x55, 0x55, 0x01, 0x02, 0x03 };

    public static TerminalRig Create(bool deliveryMode = true, Action<RosterEntry[]>? change = null)
    {
        var roster = TerminalRig.Elders(20);
        for (int i = 0; i < 10; i++)
        {
            roster[i].DeliveryRegistered = true;
        }

        change?.Invoke(roster);
        var courier = new RosterEntry { ElderId = CourierId, Status = CardStatus.Courier, ValidToDay = RosterFormat.NoUpperBound };
        CardKey.FromUid(CourierUid, CourierUid.Length, courier.CardKey, 0);
        var rig = new TerminalRig(roster: roster.Append(courier).ToArray());
        if (deliveryMode)
        {
            SetMode(rig, ConfigExtensions.TerminalModeDelivery);
        }

        return rig;
    }

    public static void SetMode(TerminalRig rig, int mode) =>
        rig.Config.Extensions = ConfigExtensions.With(rig.Config.Extensions, ConfigExtensions.TagTerminalMode, new[] { (byte)mode });

    public static List<MealTerminal.Core.Ledger.MealRecord> Records(TerminalRig rig)
    {
        var list = new List<MealTerminal.Core.Ledger.MealRecord>();
        for (uint s = 1; s < rig.Terminal.Ledger.NextSequence; s++)
        {
            var r = new MealTerminal.Core.Ledger.MealRecord();
            if (rig.Terminal.Ledger.TryRead(s, r))
            {
                list.Add(r);
            }
        }

        return list;
    }
}
