namespace MealTerminal.Core.Display
{
    /// <summary>
    /// The shape beside the colour, for elders who cannot tell green from red: a check mark for a
    /// meal that counts, a cross for a refusal, an exclamation mark for "tap again". One-bit 48x48
    /// bitmaps drawn once at start-up from thick line segments, so a tap only copies them out.
    /// </summary>
    public sealed class VerdictShapes
    {
        public const int Size = 48;
        public const int Stride = Size / 8;
        public const int None = 0;
        public const int Check = 1;
        public const int Cross = 2;
        public const int Exclamation = 3;

        private const int HalfThickness = 4;

        private readonly byte[] check = new byte[Size * Stride];
        private readonly byte[] cross = new byte[Size * Stride];
        private readonly byte[] exclamation = new byte[Size * Stride];

        public VerdictShapes()
        {
            Segment(check, 7, 25, 19, 37);
            Segment(check, 19, 37, 41, 11);
            Segment(cross, 10, 10, 38, 38);
            Segment(cross, 38, 10, 10, 38);
            Segment(exclamation, 24, 5, 24, 29);
            Segment(exclamation, 24, 40, 24, 41);
        }

        /// <summary>The bitmap of a shape, or null for None.</summary>
        public byte[] Bitmap(int shape)
        {
            switch (shape)
            {
                case Check:
                    return check;
                case Cross:
                    return cross;
                case Exclamation:
                    return exclamation;
                default:
                    return null;
            }
        }

        /// <summary>Sets every pixel whose centre lies within HalfThickness of the segment (integer arithmetic only).</summary>
        private static void Segment(byte[] bits, int x1, int y1, int x2, int y2)
        {
            long dx = x2 - x1;
            long dy = y2 - y1;
            long length2 = (dx * dx) + (dy * dy);
            if (length2 == 0)
            {
                length2 = 1;
            }

            long limit = HalfThickness * HalfThickness * length2 * length2;
            for (int y = 0; y < Size; y++)
            {
                for (int x = 0; x < Size; x++)
                {
                    long t = ((x - x1) * dx) + ((y - y1) * dy);
                    t = t < 0 ? 0 : (t > length2 ? length2 : t);
                    long ex = ((x - x1) * length2) - (dx * t);
                    long ey = ((y - y1) * length2) - (dy * t);
                    if ((ex * ex) + (ey * ey) <= limit)
                    {
                        bits[(y * Stride) + (x >> 3)] |= (byte)(0x80 >> (x & 7));
                    }
                }
            }
        }
    }
}
