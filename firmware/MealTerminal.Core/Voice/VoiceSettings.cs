using MealTerminal.Core.Meals;

namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// Volume and silent hours from the configuration's extension section (docs/protocol.md):
    /// tag 16 volume, u8 percent 0..100 (0 = mute); tag 17 silent hours, u16 start and u16 end minute
    /// of the local day (little-endian, each 0..1439, start != end; the span may cross midnight, end
    /// excluded). In silent hours the terminal shows and beeps but does not speak.
    /// </summary>
    public sealed class VoiceSettings
    {
        public const int TagVolume = 16;
        public const int TagSilentHours = 17;
        public const int DefaultVolume = 80;
        public const int NoSilentHours = -1;

        public VoiceSettings()
        {
            Reset();
        }

        public int Volume { get; private set; }

        /// <summary>First silent minute of the local day, or NoSilentHours.</summary>
        public int SilentStartMinute { get; private set; }

        /// <summary>First minute after the silent hours.</summary>
        public int SilentEndMinute { get; private set; }

        /// <summary>Why a field value is malformed, or null (called from ConfigExtensions.CheckField).</summary>
        public static string CheckField(int tag, byte[] section, int valueAt, int length)
        {
            if (tag == TagVolume)
            {
                return length == 1 && section[valueAt] <= 100 ? null : "volume must be one byte, 0 to 100";
            }

            if (length != 4)
            {
                return "silent hours must be two 16-bit minutes";
            }

            int start = section[valueAt] | (section[valueAt + 1] << 8);
            int end = section[valueAt + 2] | (section[valueAt + 3] << 8);
            return start < 24 * 60 && end < 24 * 60 && start != end ? null : "silent hours must be two different minutes of the day";
        }

        /// <summary>Takes the settings of a checked extension section; defaults for what it does not set.</summary>
        public void Apply(byte[] section)
        {
            Reset();
            int at = ConfigExtensions.Find(section, TagVolume);
            if (at >= 0)
            {
                Volume = section[at];
            }

            at = ConfigExtensions.Find(section, TagSilentHours);
            if (at >= 0)
            {
                SilentStartMinute = section[at] | (section[at + 1] << 8);
                SilentEndMinute = section[at + 2] | (section[at + 3] << 8);
            }
        }

        /// <summary>True when the terminal should stay quiet at this local minute of the day.</summary>
        public bool IsSilentAt(int minuteOfDay)
        {
            if (SilentStartMinute == NoSilentHours)
            {
                return false;
            }

            return SilentStartMinute < SilentEndMinute
                ? minuteOfDay >= SilentStartMinute && minuteOfDay < SilentEndMinute
                : minuteOfDay >= SilentStartMinute || minuteOfDay < SilentEndMinute;
        }

        /// <summary>The value of tag 17 for a span (for the gateway and tests).</summary>
        public static byte[] SilentHoursValue(int startMinute, int endMinute)
        {
            return new byte[] { (byte)startMinute, (byte)(startMinute >> 8), (byte)endMinute, (byte)(endMinute >> 8) };
        }

        private void Reset()
        {
            Volume = DefaultVolume;
            SilentStartMinute = NoSilentHours;
            SilentEndMinute = NoSilentHours;
        }
    }
}
