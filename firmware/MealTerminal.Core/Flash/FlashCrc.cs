using MealTerminal.Core.Integrity;

namespace MealTerminal.Core.Flash
{
    /// <summary>CRC-32 of a flash range, read 256 bytes at a time (image checks before a switch; not in the tap path).</summary>
    public static class FlashCrc
    {
        public static uint Of(IFlash flash, int address, int count)
        {
            byte[] chunk = new byte[256];
            uint crc = Crc32.Start();
            while (count > 0)
            {
                int n = count < chunk.Length ? count : chunk.Length;
                flash.Read(address, chunk, 0, n);
                crc = Crc32.Update(crc, chunk, 0, n);
                address += n;
                count -= n;
            }

            return Crc32.Finish(crc);
        }
    }
}
