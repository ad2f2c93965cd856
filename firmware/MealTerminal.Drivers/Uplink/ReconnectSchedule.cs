namespace MealTerminal.Drivers.Uplink
{
    /// <summary>
    /// When to try the broker again: exponential backoff from FirstDelay up to MaxDelay, with "equal
    /// jitter" (half the delay fixed, half random) so thirty terminals that lost the same gateway do
    /// not all knock at once when it comes back. Pure arithmetic, no I/O, no clock: the caller marks
    /// outcomes and asks for the next delay (the shape of Serilog's batch scheduler).
    /// </summary>
    public sealed class ReconnectSchedule
    {
        private readonly int _firstDelay;
        private readonly int _maxDelay;
        private uint _random;
        private int _failures;

        public ReconnectSchedule(int firstDelayMilliseconds, int maxDelayMilliseconds, int seed)
        {
            _firstDelay = firstDelayMilliseconds;
            _maxDelay = maxDelayMilliseconds;
            // Spread nearby seeds (terminal numbers) apart; xorshift32 must not start at zero.
            _random = (((uint)seed + 1u) * 0x9E3779B9u) | 1u;
        }

        public int ConsecutiveFailures { get { return _failures; } }

        public void MarkSuccess()
        {
            _failures = 0;
        }

        public void MarkFailure()
        {
            if (_failures < 30)
            {
                _failures++;
            }
        }

        /// <summary>0 while the last attempt succeeded; otherwise a delay in [d/2, d] with d the capped backoff.</summary>
        public int NextDelayMilliseconds()
        {
            if (_failures == 0)
            {
                return 0;
            }

            long delay = _firstDelay;
            for (int i = 1; i < _failures && delay < _maxDelay; i++)
            {
                delay *= 2;
            }

            if (delay > _maxDelay)
            {
                delay = _maxDelay;
            }

            int half = (int)(delay / 2);
            return half + (int)(NextRandom() % (uint)(half + 1));
        }

        private uint NextRandom()
        {
            // Marsaglia xorshift32: deterministic from the seed on .NET and on nanoFramework alike.
            uint x = _random;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _random = x;
            return x;
        }
    }
}
