namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// Phrase ids: the index of a clip in a voice pack and of a text in PhraseText. Ids 1..12 are the
    /// verdicts (same numbers as VerdictCode); the rest build amounts, counts and the host review.
    /// An id never changes meaning: packs recorded for one firmware must play on the next.
    /// </summary>
    public static class Phrase
    {
        /// <summary>Id of the first digit (零); digit d is Digit0 + d.</summary>
        public const int Digit0 = 16;

        public const int PleasePay = 13;        // 请付
        public const int FullySubsidised = 14;  // 补贴全免 无需付费
        public const int EnjoyYourMeal = 15;    // 祝您用餐愉快
        public const int Liang = 26;            // 两 (the count word form of 2)
        public const int Ten = 27;              // 十
        public const int Hundred = 28;          // 百
        public const int Thousand = 29;         // 千
        public const int TenThousand = 30;      // 万
        public const int Yuan = 31;             // 元
        public const int Jiao = 32;             // 角
        public const int Fen = 33;              // 分
        public const int MealsToday = 34;       // 今日用餐
        public const int Servings = 35;         // 人次
        public const int ReviewCategories = 36; // 按类别统计
        public const int ReviewTaps = 37;       // 今日刷卡情况
        public const int ReviewUpload = 38;     // 数据上传
        public const int IdentityConflict = 39; // 终端身份冲突 请联系管理员

        /// <summary>Ids are 1..Count-1; a pack's index has Count entries (entry 0 unused).</summary>
        public const int Count = 40;
    }
}
