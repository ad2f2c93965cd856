namespace MealTerminal.Core.Display
{
    /// <summary>What the elder and the host see and hear: display, buzzer and LEDs.</summary>
    public interface IFeedback
    {
        /// <summary>Shows a screen and plays its signal pattern.</summary>
        void Show(Screen screen);
    }
}
