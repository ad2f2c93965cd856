namespace MealTerminal.Core.Meals
{
    /// <summary>
    /// Elder categories for differentiated subsidies (分类差异化补贴), numbered as in rosters and
    /// records. The ten special-hardship categories named by policy, plus ordinary elders.
    /// </summary>
    public static class ElderCategory
    {
        public const int Ordinary = 0;          // 普通
        public const int MinimumAllowance = 1;  // 低保
        public const int ExtremePoverty = 2;    // 特困
        public const int NearAllowance = 3;     // 低保边缘
        public const int LivingAlone = 4;       // 独居
        public const int EmptyNest = 5;         // 空巢
        public const int LeftBehind = 6;        // 留守
        public const int Disabled = 7;          // 失能
        public const int WithDisability = 8;    // 残疾
        public const int VeryOld = 9;           // 高龄
        public const int FamilyPlanning = 10;   // 计划生育特殊家庭
        public const int Count = 11;

        private static readonly string[] ChineseNames =
        {
            "普通", "低保", "特困", "低保边缘", "独居", "空巢", "留守", "失能", "残疾", "高龄", "计生特殊",
        };

        public static string ChineseName(int category)
        {
            return category >= 0 && category < Count ? ChineseNames[category] : "未知";
        }
    }
}
