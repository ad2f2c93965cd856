using System;

namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// One thing to say: up to MaxPhrases phrase ids (Phrase), said in order, at a volume. Reused for
    /// every tap, so filling it allocates nothing.
    /// </summary>
    public sealed class VoicePrompt
    {
        public const int MaxPhrases = 24;

        private readonly int[] phrases = new int[MaxPhrases];

        public VoicePrompt()
        {
            Volume = VoiceSettings.DefaultVolume;
        }

        public int Count { get; private set; }

        /// <summary>Loudness in percent of full scale, 0..100.</summary>
        public int Volume { get; set; }

        public int this[int index]
        {
            get
            {
                if (index < 0 || index >= Count)
                {
                    throw new IndexOutOfRangeException();
                }

                return phrases[index];
            }
        }

        public void Clear()
        {
            Count = 0;
        }

        public void Add(int phrase)
        {
            if (phrase <= 0 || phrase >= Phrase.Count)
            {
                throw new ArgumentOutOfRangeException("phrase");
            }

            if (Count == MaxPhrases)
            {
                throw new InvalidOperationException("voice prompt full");
            }

            phrases[Count++] = phrase;
        }

        /// <summary>Copies another prompt (adapters keep their own copy of what they are saying).</summary>
        public void CopyFrom(VoicePrompt other)
        {
            Count = other.Count;
            Volume = other.Volume;
            for (int i = 0; i < other.Count; i++)
            {
                phrases[i] = other.phrases[i];
            }
        }
    }
}
