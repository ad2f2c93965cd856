namespace MealTerminal.VoiceGen;

/// <summary>
/// Turns synthesised speech into a clip for the pack: silence trimmed (20 ms kept before, 40 ms
/// after, so phrases joined in a prompt neither clip nor drag), low-pass filtered and resampled to
/// the pack's rate with a windowed sinc, normalised to 90 % of full scale, unsigned 8-bit.
/// </summary>
public static class ClipShaper
{
    private const int Taps = 16;

    public static byte[] ToPcm8(short[] input, int inputRate, int outputRate)
    {
        var trimmed = Trim(input, inputRate);
        var resampled = Resample(trimmed, inputRate, outputRate);
        double peak = resampled.Length == 0 ? 1 : resampled.Max(Math.Abs);
        double gain = peak < 1 ? 1 : 0.9 * 127 / peak;
        var clip = new byte[resampled.Length];
        for (int i = 0; i < clip.Length; i++)
        {
            clip[i] = (byte)Math.Clamp(Math.Round((resampled[i] * gain) + 128), 0, 255);
        }

        return clip;
    }

    private static short[] Trim(short[] input, int rate)
    {
        int peak = input.Length == 0 ? 0 : input.Max(s => Math.Abs((int)s));
        int threshold = Math.Max(peak / 50, 64);
        int first = Array.FindIndex(input, s => Math.Abs((int)s) > threshold);
        int last = Array.FindLastIndex(input, s => Math.Abs((int)s) > threshold);
        if (first < 0)
        {
            return [];
        }

        first = Math.Max(0, first - (rate / 50));
        last = Math.Min(input.Length - 1, last + (rate / 25));
        return input[first..(last + 1)];
    }

    /// <summary>Band-limited resampling: each output sample is a Hann-windowed sinc sum around its input position.</summary>
    private static double[] Resample(short[] input, int fromRate, int toRate)
    {
        double step = fromRate / (double)toRate;
        double cutoff = Math.Min(1.0, toRate / (double)fromRate) * 0.9; // below the new Nyquist
        int count = (int)(input.Length / step);
        var output = new double[count];
        for (int n = 0; n < count; n++)
        {
            double t = n * step;
            int centre = (int)t;
            double sum = 0;
            for (int k = centre - (int)(Taps / cutoff); k <= centre + (int)(Taps / cutoff); k++)
            {
                if (k < 0 || k >= input.Length)
                {
                    continue;
                }

                double x = (t - k) * cutoff;
                double window = 0.5 * (1 + Math.Cos(Math.PI * x / Taps));
                double sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
                sum += input[k] * cutoff * sinc * (Math.Abs(x) < Taps ? window : 0);
            }

            output[n] = sum / 256.0; // 16-bit scale to 8-bit scale; the gain normalises afterwards
        }

        return output;
    }
}
