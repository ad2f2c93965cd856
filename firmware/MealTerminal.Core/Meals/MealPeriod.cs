namespace MealTerminal.Core.Meals
{
    /// <summary>A meal period (餐别) in local time: [StartMinute, EndMinute) minutes after local midnight.</summary>
    public sealed class MealPeriod
    {
        public MealPeriod(string name, int startMinute, int endMinute, int limitPerElder)
        {
            Name = name;
            StartMinute = startMinute;
            EndMinute = endMinute;
            LimitPerElder = limitPerElder;
        }

        /// <summary>Chinese name shown on the display, e.g. 午餐.</summary>
        public string Name { get; private set; }

        public int StartMinute { get; private set; }

        public int EndMinute { get; private set; }

        /// <summary>Subsidised meals per elder in this period (normally 1, at most 3).</summary>
        public int LimitPerElder { get; private set; }

        public bool Contains(int minuteOfDay)
        {
            return minuteOfDay >= StartMinute && minuteOfDay < EndMinute;
        }
    }
}
