using MealTerminal.Core.Ledger;
using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Display
{
    /// <summary>
    /// The site host's review of the day on the terminal's own screen, one page per host-card tap
    /// or button press: meals per period, meals per category, refused and unknown taps, and what
    /// waits for upload. Everything comes from counts rebuilt from the ledger at boot. When the gateway
    /// refuses this ledger as an identity conflict, the upload page says so: the records are kept
    /// and only an administrator can resolve it at the gateway.
    /// </summary>
    public static class HostReview
    {
        public const int PageCount = 5;

        /// <summary>The page of the welfare check (今日常来未到), drawn from an AbsentList.</summary>
        public const int AbsentPage = 4;

        public static void Render(Screen screen, int page, TerminalConfig config, DayCounts today, MealLedger ledger, uint lastSyncSeconds, bool identityConflict)
        {
            switch (page)
            {
                case AbsentPage:
                    screen.Set(0, SignalPattern.None, "今日常来未到", "时钟未校准", string.Empty, string.Empty);
                    break;
                case 0:
                    Periods(screen, config, today);
                    break;
                case 1:
                    Categories(screen, config, today);
                    break;
                case 2:
                    screen.Set(0, SignalPattern.None, "今日刷卡情况", "重复刷卡 " + today.RepeatTaps.ToString() + "次",
                        "未登记卡 " + today.UnknownCards.ToString() + "次", "其他拒绝 " + today.Refused.ToString() + "次");
                    break;
                default:
                    if (identityConflict)
                    {
                        screen.Set(0, SignalPattern.None, "终端身份冲突", "待上传 " + ledger.PendingCount.ToString() + "条",
                            "数据已保留", "请联系管理员");
                        break;
                    }

                    screen.Set(0, SignalPattern.None, "数据上传", "待上传 " + ledger.PendingCount.ToString() + "条",
                        "存储已用 " + ledger.UsedPercent.ToString() + "%", LastSync(lastSyncSeconds, config.UtcOffsetMinutes, today.Day));
                    break;
            }
        }

        /// <summary>今日常来未到 N人, then the elders' ids (names once the roster carries them); before the cut-off when it is drawn up.</summary>
        public static void Absent(Screen screen, AbsentList list, TerminalConfig config)
        {
            if (!list.Ready)
            {
                int cutoff = DeliverySettings.AbsentCutoffMinute(config.Extensions);
                screen.Set(0, SignalPattern.None, "今日常来未到", "常来 " + list.Regulars.ToString() + "人",
                    TwoDigits(cutoff / 60) + ":" + TwoDigits(cutoff % 60) + "后统计", string.Empty);
                return;
            }

            string[] lines = new string[] { string.Empty, string.Empty, string.Empty };
            for (int i = 0; i < list.Count && i < 9; i++)
            {
                string id = i == 8 && list.Count > 9 ? "..." : list.Absent[i].ToString();
                lines[i / 3] = lines[i / 3].Length == 0 ? id : lines[i / 3] + " " + id;
            }

            screen.Set(0, SignalPattern.None, "今日常来未到 " + list.Count.ToString() + "人", list.Count == 0 ? "常来老人均已用餐" : lines[0], lines[1], lines[2]);
        }

        private static void Periods(Screen screen, TerminalConfig config, DayCounts today)
        {
            string[] lines = new string[] { string.Empty, string.Empty, string.Empty };
            int total = 0;
            MealPeriod[] periods = config.Periods;
            for (int p = 0; p < periods.Length; p++)
            {
                int meals = today.MealsInPeriod(p);
                total += meals;
                if (p < lines.Length)
                {
                    lines[p] = periods[p].Name + " " + meals.ToString() + "人次";
                }
            }

            screen.Set(0, SignalPattern.None, "今日用餐 " + total.ToString() + "人次", lines[0], lines[1], lines[2]);
        }

        /// <summary>Non-zero categories, two per line; what does not fit is summed as 其余.</summary>
        private static void Categories(Screen screen, TerminalConfig config, DayCounts today)
        {
            string[] lines = new string[] { string.Empty, string.Empty, string.Empty };
            int shown = 0;
            int rest = 0;
            for (int c = 0; c < ElderCategory.Count; c++)
            {
                int meals = 0;
                for (int p = 0; p < config.Periods.Length; p++)
                {
                    meals += today.Meals(p, c);
                }

                if (meals == 0)
                {
                    continue;
                }

                if (shown < 5 || (shown == 5 && !HasMoreAfter(today, config, c)))
                {
                    string item = ElderCategory.ChineseName(c) + " " + meals.ToString();
                    lines[shown / 2] = lines[shown / 2].Length == 0 ? item : lines[shown / 2] + "  " + item;
                    shown++;
                }
                else
                {
                    rest += meals;
                }
            }

            if (rest > 0)
            {
                lines[2] = lines[2].Length == 0 ? "其余 " + rest.ToString() : lines[2] + "  其余 " + rest.ToString();
            }

            screen.Set(0, SignalPattern.None, "按类别(人次)", shown == 0 ? "今日尚无用餐" : lines[0], lines[1], lines[2]);
        }

        private static bool HasMoreAfter(DayCounts today, TerminalConfig config, int category)
        {
            for (int c = category + 1; c < ElderCategory.Count; c++)
            {
                for (int p = 0; p < config.Periods.Length; p++)
                {
                    if (today.Meals(p, c) > 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>"上次同步 12:05" today, "上次同步 11-22 18:05" on an earlier day.</summary>
        private static string LastSync(uint seconds, int utcOffsetMinutes, int today)
        {
            if (seconds == 0)
            {
                return "尚未同步";
            }

            int minute = LocalTime.LocalMinuteOfDay(seconds, utcOffsetMinutes);
            string time = TwoDigits(minute / 60) + ":" + TwoDigits(minute % 60);
            if (LocalTime.LocalDay(seconds, utcOffsetMinutes) == today)
            {
                return "上次同步 " + time;
            }

            System.DateTime local = LocalTime.FromRecordSeconds((uint)(seconds + (utcOffsetMinutes * 60)));
            return "上次同步 " + TwoDigits(local.Month) + "-" + TwoDigits(local.Day) + " " + time;
        }

        private static string TwoDigits(int n)
        {
            return n < 10 ? "0" + n.ToString() : n.ToString();
        }
    }
}
