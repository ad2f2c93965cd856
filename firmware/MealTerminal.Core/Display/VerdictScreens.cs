using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Display
{
    /// <summary>Chinese text and signal for each verdict, the table in docs/verdicts.md.</summary>
    public static class VerdictScreens
    {
        /// <summary>Puts the elder's name on a verdict screen already rendered.</summary>
        public static void SetName(Screen screen, byte[] name, int length)
        {
            for (int i = 0; i < length; i++)
            {
                screen.Name[i] = name[i];
            }

            screen.NameLength = length;
        }

        private static readonly string[] Titles =
        {
            string.Empty, "用餐登记成功", "本餐已用过", "不在用餐时间", "未登记的卡", "此卡已暂停", "此卡已挂失",
            "此卡已注销", "请重新刷卡", "登记成功 存储将满", "存储已满 暂停登记", "此卡无法识别", "此卡不在有效期",
        };

        private static readonly string[] Hints =
        {
            string.Empty, "祝您用餐愉快", "每餐限用一次", "请在用餐时间刷卡", "请联系工作人员登记", "请联系工作人员",
            "请联系工作人员", "请联系工作人员", "卡片请放稳", "请联系管理员上传", "请联系管理员", "请使用助餐卡",
            "请联系工作人员",
        };

        public static string Title(int verdict)
        {
            return verdict > 0 && verdict < Titles.Length ? Titles[verdict] : "未知";
        }

        public static string Hint(int verdict)
        {
            return verdict > 0 && verdict < Hints.Length ? Hints[verdict] : string.Empty;
        }

        public static int SignalFor(int verdict)
        {
            switch (verdict)
            {
                case VerdictCode.Accepted:
                    return SignalPattern.Accepted;
                case VerdictCode.AcceptedStorageLow:
                    return SignalPattern.AcceptedWarning;
                case VerdictCode.AlreadyEaten:
                    return SignalPattern.AlreadyEaten;
                case VerdictCode.TapAgain:
                    return SignalPattern.TapAgain;
                default:
                    return SignalPattern.Refused;
            }
        }

        /// <summary>Fills the screen for a verdict; line 2 names the period when there is one.</summary>
        public static void Render(Screen screen, int verdict, string periodName, string categoryName)
        {
            screen.Set(verdict, SignalFor(verdict), Title(verdict), periodName, categoryName, Hint(verdict));
        }
    }
}
