using System;

namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// Reads quantities the way Mandarin says them, as phrase ids appended to a prompt:
    /// 12 十二, 10 十, 110 一百一十, 105 一百零五, 1005 一千零五, 20000 两万, 10010 一万零一十.
    /// Every number here counts something before a measure word (元, 角, 分, 人次), so a 2 standing
    /// alone or leading before 百, 千 or 万 is 两 (两元, 两角, 两百元, 两千); a 2 in the tens or units
    /// of a longer number is 二 (二十元, 十二元, 一百零二元, 一千二百).
    /// Amounts in fen: yuan, then 角, then 分, with 零 for a missing 角 before 分 (三元零五分); no
    /// 整, no 毛 (the recorded 角 is what price boards and commercial terminals say).
    /// </summary>
    public static class ChineseNumbers
    {
        /// <summary>Largest count read: 9999,9999.</summary>
        public const int MaxCount = 99999999;

        /// <summary>Appends the reading of n (0..MaxCount).</summary>
        public static void AppendCount(VoicePrompt prompt, int n)
        {
            if (n < 0 || n > MaxCount)
            {
                throw new ArgumentOutOfRangeException("n");
            }

            if (n == 0)
            {
                prompt.Add(Phrase.Digit0);
                return;
            }

            int high = n / 10000;
            int low = n % 10000;
            if (high > 0)
            {
                AppendGroup(prompt, high, true);
                prompt.Add(Phrase.TenThousand);
                if (low > 0 && low < 1000)
                {
                    prompt.Add(Phrase.Digit0);
                }
            }

            if (low > 0)
            {
                AppendGroup(prompt, low, high == 0);
            }
        }

        /// <summary>Appends an amount of money in fen (0 is 零元): 350 三元五角, 1250 十二元五角, 5 五分, 305 三元零五分.</summary>
        public static void AppendYuan(VoicePrompt prompt, int fen)
        {
            if (fen < 0)
            {
                throw new ArgumentOutOfRangeException("fen");
            }

            int yuan = fen / 100;
            int jiao = (fen / 10) % 10;
            int cents = fen % 10;
            if (yuan > 0 || fen == 0)
            {
                AppendCount(prompt, yuan);
                prompt.Add(Phrase.Yuan);
            }

            if (jiao > 0)
            {
                AppendCount(prompt, jiao);
                prompt.Add(Phrase.Jiao);
            }
            else if (yuan > 0 && cents > 0)
            {
                prompt.Add(Phrase.Digit0);
            }

            if (cents > 0)
            {
                AppendCount(prompt, cents);
                prompt.Add(Phrase.Fen);
            }
        }

        /// <summary>
        /// One group of up to four digits (1..9999). Leading: the first group of the whole number,
        /// where 十 stands without 一 and a first digit 2 before 百/千/万 or alone is 两.
        /// </summary>
        private static void AppendGroup(VoicePrompt prompt, int group, bool leading)
        {
            bool started = false;
            bool zeroPending = false;
            int divisor = 1000;
            for (int position = 3; position >= 0; position--)
            {
                int digit = (group / divisor) % 10;
                divisor /= 10;
                if (digit == 0)
                {
                    zeroPending = started;
                    continue;
                }

                if (zeroPending)
                {
                    prompt.Add(Phrase.Digit0);
                    zeroPending = false;
                }

                bool first = leading && !started;
                if (!(first && position == 1 && digit == 1))
                {
                    prompt.Add(first && digit == 2 && position != 1 ? Phrase.Liang : Phrase.Digit0 + digit);
                }

                if (position > 0)
                {
                    prompt.Add(position == 1 ? Phrase.Ten : position == 2 ? Phrase.Hundred : Phrase.Thousand);
                }

                started = true;
            }
        }
    }
}
