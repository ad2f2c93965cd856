namespace MealTerminal.Core.Display
{
    /// <summary>
    /// Placeholder until the lead's real Screen lands: four text lines for the display and the
    /// buzzer/LED signal pattern to play with them.
    /// </summary>
    public sealed class Screen
    {
        public string Line1;
        public string Line2;
        public string Line3;
        public string Line4;
        public int SignalPattern;
    }
}
