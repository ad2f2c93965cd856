using MealTerminal.Core.Flash;

namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// The voice from recorded clips: plays each phrase of a prompt from the active voice pack in
    /// flash, scaled to the prompt's volume, a buffer at a time from the main loop (Tick), as much
    /// as the audio output has room for. Say cuts off the prompt before it. A phrase the pack has no
    /// clip for is skipped; without a pack the voice is silent. Allocates nothing after construction.
    /// </summary>
    public sealed class ClipVoice : IVoice
    {
        /// <summary>At most this many bytes per Tick (about 128 ms at 8 kHz), so a tap is never kept waiting behind audio.</summary>
        public const int MaxBytesPerTick = 1024;

        private readonly VoicePackStore packs;
        private readonly IFlash flash;
        private readonly IAudioOut output;
        private readonly VoicePrompt current = new VoicePrompt();
        private readonly byte[] buffer = new byte[256];
        private int next;
        private int address;
        private int remaining;

        public ClipVoice(VoicePackStore packs, IFlash flash, IAudioOut output)
        {
            this.packs = packs;
            this.flash = flash;
            this.output = output;
        }

        /// <summary>True while part of the prompt is still to be handed to the output.</summary>
        public bool Speaking
        {
            get { return remaining > 0 || NextClip(false); }
        }

        public void Say(VoicePrompt prompt)
        {
            current.CopyFrom(prompt);
            next = 0;
            remaining = 0;
            if (packs.InstalledVersion != 0)
            {
                output.Restart(packs.SampleRate);
            }
        }

        public void Tick()
        {
            int budget = MaxBytesPerTick;
            while (budget > 0 && (remaining > 0 || NextClip(true)))
            {
                int n = output.Room;
                n = n < budget ? n : budget;
                n = n < buffer.Length ? n : buffer.Length;
                n = n < remaining ? n : remaining;
                if (n <= 0)
                {
                    return; // the output is full: the rest on a later pass
                }

                flash.Read(address, buffer, 0, n);
                Scale(buffer, n, current.Volume);
                output.Write(buffer, 0, n);
                address += n;
                remaining -= n;
                budget -= n;
            }
        }

        /// <summary>Moves to the next phrase that has a clip; with take false only says whether there is one.</summary>
        private bool NextClip(bool take)
        {
            for (int i = next; i < current.Count; i++)
            {
                int at;
                int length;
                if (packs.TryFindClip(current[i], out at, out length))
                {
                    if (take)
                    {
                        next = i + 1;
                        address = at;
                        remaining = length;
                    }

                    return true;
                }
            }

            if (take)
            {
                next = current.Count;
            }

            return false;
        }

        /// <summary>Scales unsigned 8-bit samples around their midpoint 128 to volume percent.</summary>
        private static void Scale(byte[] samples, int count, int volume)
        {
            if (volume >= 100)
            {
                return;
            }

            for (int i = 0; i < count; i++)
            {
                samples[i] = (byte)(128 + (((samples[i] - 128) * volume) / 100));
            }
        }
    }
}
