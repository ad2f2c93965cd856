using MealTerminal.Core.Voice;

namespace MealTerminal.Drivers.Voice
{
    /// <summary>
    /// The voice from a UART text-to-speech module (SYN6288 / XFS5152 class): each prompt becomes one
    /// stop frame and one synthesise frame of GB2312 text with a volume tag, queued on the UART in a
    /// single write. The stop cuts off the prompt before; the module speaks on its own, so Tick has
    /// nothing to do and no tap waits for an answer. One reused buffer: nothing is allocated.
    /// </summary>
    public sealed class TextToSpeechVoice : IVoice
    {
        private readonly IUartPort port;
        private readonly int model;
        private readonly byte[] frame = new byte[5 + 6 + TtsFrames.MaxText];

        public TextToSpeechVoice(IUartPort port, int model)
        {
            this.port = port;
            this.model = model;
        }

        public void Say(VoicePrompt prompt)
        {
            int stop = TtsFrames.Stop(model, frame, 0);
            int text = stop + 5;
            int at = text;
            frame[at++] = (byte)'[';
            frame[at++] = (byte)'v';
            int step = TtsFrames.VolumeStep(model, prompt.Volume);
            if (step >= 10)
            {
                frame[at++] = (byte)('0' + (step / 10));
            }

            frame[at++] = (byte)('0' + (step % 10));
            frame[at++] = (byte)']';
            for (int i = 0; i < prompt.Count; i++)
            {
                byte[] phrase = Gb2312Phrases.Of(prompt[i]);
                if (at - text + phrase.Length > TtsFrames.MaxText)
                {
                    break; // never reached by the prompts VerdictPrompts makes (a test holds the longest)
                }

                for (int b = 0; b < phrase.Length; b++)
                {
                    frame[at++] = phrase[b];
                }
            }

            int length = TtsFrames.Synthesise(model, frame, stop, at - text);
            port.Write(frame, 0, stop + length);
        }

        public void Tick()
        {
        }
    }
}
