namespace MealTerminal.Drivers.Feedback
{
    /// <summary>
    /// Plays a signal pattern as a pure, time-stepped state machine: Start it, then call Update with
    /// the boot clock from the main loop; Outputs says what the buzzer and LEDs should be now. The
    /// GPIO adapter writes a pin only when Outputs changes. A new Start cuts the old pattern short,
    /// so the next elder's verdict is never delayed by the last one's lights.
    /// </summary>
    public sealed class PatternPlayer
    {
        private int[] _steps = new int[0];
        private int _step;
        private long _stepEndsAt;
        private int _outputs;

        /// <summary>Sum of SignalPatterns.Buzzer / Green / Red that should be on.</summary>
        public int Outputs { get { return _outputs; } }

        public bool IsPlaying { get { return _step < _steps.Length; } }

        public bool BuzzerOn { get { return (_outputs & SignalPatterns.Buzzer) != 0; } }

        public bool GreenOn { get { return (_outputs & SignalPatterns.Green) != 0; } }

        public bool RedOn { get { return (_outputs & SignalPatterns.Red) != 0; } }

        public void Start(int signal, long nowMilliseconds)
        {
            _steps = SignalPatterns.For(signal);
            _step = 0;
            Enter(nowMilliseconds);
        }

        /// <summary>Advances to the step that covers now (skipping any the loop was too slow to see); true when Outputs changed.</summary>
        public bool Update(long nowMilliseconds)
        {
            int before = _outputs;
            while (IsPlaying && nowMilliseconds >= _stepEndsAt)
            {
                long endedAt = _stepEndsAt;
                _step += 2;
                Enter(endedAt);
            }

            return _outputs != before;
        }

        private void Enter(long startsAt)
        {
            if (_step < _steps.Length)
            {
                _stepEndsAt = startsAt + _steps[_step];
                _outputs = _steps[_step + 1];
            }
            else
            {
                _outputs = 0;
            }
        }
    }
}
