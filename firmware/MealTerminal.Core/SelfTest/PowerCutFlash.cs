using System;
using MealTerminal.Core.Flash;

namespace MealTerminal.Core.SelfTest
{
    /// <summary>Thrown by PowerCutFlash at the cut and for every operation after it.</summary>
    public sealed class PowerCutException : Exception
    {
        public PowerCutException()
            : base("power cut")
        {
        }
    }

    /// <summary>
    /// Wraps a flash and cuts the power at the n-th program or erase: a cut program leaves the
    /// first half of its bytes written and the rest as they were, a cut erase sets only the
    /// first half of the sector to 0xFF. Every operation after the cut throws, as a dead chip would.
    /// With LeavesMarginalCells a cut program writes nothing that reads now: its cells are
    /// marginal, read 1 (the range looks erased) until SettleMarginalCells makes its zero bits
    /// appear, as a real NOR cell a cut program barely charged can read 0 later.
    /// </summary>
    public sealed class PowerCutFlash : IFlash
    {
        private readonly IFlash inner;
        private int operationsLeft;
        private bool dead;
        private int lateAddress = -1;
        private byte[] lateData;

        public PowerCutFlash(IFlash inner, int cutAtOperation)
        {
            this.inner = inner;
            operationsLeft = cutAtOperation;
        }

        public bool PowerWasCut
        {
            get { return dead; }
        }

        /// <summary>A cut program leaves its range reading as before, with its zero bits due later.</summary>
        public bool LeavesMarginalCells { get; set; }

        /// <summary>Power comes back: operations work again (and are never cut again); marginal cells stay marginal.</summary>
        public void Revive()
        {
            dead = false;
            operationsLeft = -1;
        }

        /// <summary>
        /// The zero bits of the cut program appear now, over whatever was programmed there since the
        /// power came back; an erase of the sector in between has settled them to 1 instead.
        /// </summary>
        public void SettleMarginalCells()
        {
            if (lateAddress >= 0)
            {
                inner.Program(lateAddress, lateData, 0, lateData.Length);
                lateAddress = -1;
            }
        }

        public int PageSize
        {
            get { return inner.PageSize; }
        }

        public int SectorSize
        {
            get { return inner.SectorSize; }
        }

        public int SectorCount
        {
            get { return inner.SectorCount; }
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            ThrowIfDead();
            inner.Read(address, buffer, offset, count);
        }

        public void Program(int address, byte[] data, int offset, int count)
        {
            ThrowIfDead();
            if (CutsNow())
            {
                if (LeavesMarginalCells)
                {
                    lateAddress = address;
                    lateData = new byte[count];
                    Array.Copy(data, offset, lateData, 0, count);
                }
                else
                {
                    inner.Program(address, data, offset, count / 2 > 0 ? count / 2 : 1);
                }

                throw new PowerCutException();
            }

            inner.Program(address, data, offset, count);
        }

        public void EraseSector(int sector)
        {
            ThrowIfDead();
            if (CutsNow())
            {
                HalfErase(sector);
                throw new PowerCutException();
            }

            inner.EraseSector(sector);
            if (lateAddress >= 0 && lateAddress / inner.SectorSize == sector)
            {
                lateAddress = -1;
            }
        }

        private bool CutsNow()
        {
            operationsLeft--;
            if (operationsLeft == 0)
            {
                dead = true;
                return true;
            }

            return false;
        }

        private void ThrowIfDead()
        {
            if (dead)
            {
                throw new PowerCutException();
            }
        }

        /// <summary>An interrupted erase: the first half of the sector is erased, the rest keeps its old bits.</summary>
        private void HalfErase(int sector)
        {
            int size = inner.SectorSize;
            byte[] keep = new byte[size / 2];
            int secondHalf = (sector * size) + (size / 2);
            inner.Read(secondHalf, keep, 0, keep.Length);
            inner.EraseSector(sector);
            int page = inner.PageSize;
            for (int at = 0; at < keep.Length; at += page)
            {
                inner.Program(secondHalf + at, keep, at, page);
            }
        }
    }
}
