namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// The voice port: what the elder hears. Say hands over a prompt (phrase ids, in order) and
    /// returns at once; whatever was still being said stops, so a new tap cuts the old prompt short.
    /// Tick is called on every pass of the main loop so an adapter that feeds audio from flash can
    /// hand over the next bytes without a thread of its own. Neither may block or allocate.
    /// </summary>
    public interface IVoice
    {
        /// <summary>Starts saying the prompt (copy what is needed: the caller reuses it), cutting off the one before.</summary>
        void Say(VoicePrompt prompt);

        /// <summary>Lets the adapter move audio along; called from the main loop.</summary>
        void Tick();
    }

    /// <summary>A terminal without a speaker or voice module.</summary>
    public sealed class SilentVoice : IVoice
    {
        public void Say(VoicePrompt prompt)
        {
        }

        public void Tick()
        {
        }
    }
}
