namespace MealTerminal.Drivers.Rtc
{
    /// <summary>One device on the I2C bus (its address is the adapter's business).</summary>
    public interface II2cPort
    {
        /// <summary>
        /// Writes write[0..writeCount), then with a repeated start reads readCount bytes into read
        /// (readCount 0 means write only). False when the device did not acknowledge.
        /// </summary>
        bool WriteRead(byte[] write, int writeCount, byte[] read, int readCount);
    }
}
