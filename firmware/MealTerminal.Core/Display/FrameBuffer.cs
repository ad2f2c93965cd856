namespace MealTerminal.Core.Display
{
    /// <summary>
    /// The 128x64 monochrome frame in SSD1306 GDDRAM order (SSD1306 datasheet rev 1.1, section 8.7):
    /// 8 pages of 128 columns, each byte 8 vertical pixels with the top pixel in bit 0. The device
    /// adapter sends Bytes as is in horizontal addressing mode; the simulator renders the same bytes
    /// to text or PNG.
    /// </summary>
    public sealed class FrameBuffer
    {
        public const int Width = 128;
        public const int Height = 64;

        private readonly byte[] bytes = new byte[Width * Height / 8];

        public byte[] Bytes
        {
            get { return bytes; }
        }

        public void Clear()
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = 0;
            }
        }

        public void SetPixel(int x, int y, bool on)
        {
            if (x < 0 || x >= Width || y < 0 || y >= Height)
            {
                return;
            }

            int index = ((y >> 3) * Width) + x;
            int mask = 1 << (y & 7);
            bytes[index] = (byte)(on ? bytes[index] | mask : bytes[index] & ~mask);
        }

        public bool GetPixel(int x, int y)
        {
            return (bytes[((y >> 3) * Width) + x] & (1 << (y & 7))) != 0;
        }
    }
}
