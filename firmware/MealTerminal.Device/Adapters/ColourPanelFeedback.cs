using MealTerminal.Core.Clock;
using MealTerminal.Core.Display;
using MealTerminal.Core.Fonts;
using MealTerminal.Drivers.Display;
using MealTerminal.Drivers.Feedback;

namespace MealTerminal.Device.Adapters
{
    /// <summary>
    /// The feedback port with a 320x240 colour panel: the core's colour layout drawn straight over
    /// SPI in the active font image, and the verdict's buzzer/LED pattern started.
    /// </summary>
    public sealed class ColourPanelFeedback : IFeedback
    {
        private readonly SpiPanel panel;
        private readonly PatternPlayer player;
        private readonly IClock clock;
        private readonly ColourScreenRenderer renderer = new ColourScreenRenderer();
        private FontStore fonts;

        public ColourPanelFeedback(SpiPanel panel, PatternPlayer player, IClock clock)
        {
            this.panel = panel;
            this.player = player;
            this.clock = clock;
            panel.Initialise();
        }

        /// <summary>The terminal's font store, once it exists; before that the built-in glyphs are drawn doubled.</summary>
        public void UseFonts(FontStore store)
        {
            fonts = store;
        }

        public void Show(Screen screen)
        {
            renderer.Text.Font = fonts == null ? null : fonts.Active;
            renderer.Render(screen, panel);
            if (screen.Signal != SignalPattern.None)
            {
                player.Start(screen.Signal, clock.MillisecondsSinceBoot);
            }
        }
    }
}
