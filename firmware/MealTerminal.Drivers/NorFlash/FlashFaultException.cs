using System;

namespace MealTerminal.Drivers.NorFlash
{
    /// <summary>
    /// The flash chip did not do what it was told: wrong or missing chip, a write-enable that did not
    /// latch, a program or erase the chip ignored, or one that outlasted its datasheet maximum.
    /// The record being written is NOT stored. The device's main loop catches this, shows the storage
    /// fault screen and stops accepting taps; misuse by the caller (address out of range, a program
    /// crossing a page) is an ArgumentException instead, a bug rather than a hardware fault.
    /// </summary>
    public class FlashFaultException : Exception
    {
        public FlashFaultException(string message)
            : base(message)
        {
        }
    }
}
