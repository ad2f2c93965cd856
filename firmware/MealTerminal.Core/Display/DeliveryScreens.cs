using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Display
{
    /// <summary>Screens of delivery mode that are not verdicts (docs/verdicts.md, "Delivery rounds").</summary>
    public static class DeliveryScreens
    {
        public static void RoundStarted(Screen screen, uint courier)
        {
            screen.Set(0, SignalPattern.Accepted, "开始送餐", "送餐员 " + courier.ToString(), string.Empty, "请老人在门口刷卡");
        }

        public static void RoundEnded(Screen screen, int delivered)
        {
            screen.Set(0, SignalPattern.Accepted, "本轮送餐结束", "送达 " + delivered.ToString() + "份", string.Empty, "回站后自动上传");
        }

        /// <summary>An elder's card on a delivery terminal before a courier opened a round: nothing recorded.</summary>
        public static void NoRound(Screen screen)
        {
            screen.Set(0, SignalPattern.Refused, "尚未开始送餐", string.Empty, string.Empty, "请送餐员先刷卡");
        }

        /// <summary>A courier's card on a canteen terminal: nothing recorded.</summary>
        public static void CourierAtCanteen(Screen screen)
        {
            screen.Set(0, SignalPattern.Refused, "送餐员卡", string.Empty, string.Empty, "请在送餐终端使用");
        }

        /// <summary>A meal at the door: the verdict's screen says it was delivered, and flags an unregistered elder.</summary>
        public static void MarkDelivered(Screen screen, bool unregistered)
        {
            if (VerdictCode.IsMeal(screen.Verdict))
            {
                screen.Line1 = screen.Verdict == VerdictCode.Accepted ? "送餐登记成功" : "送餐成功 存储将满";
            }

            if (unregistered)
            {
                screen.Line4 = "未登记送餐 待核";
            }
        }
    }
}
