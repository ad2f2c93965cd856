// Mirrors nanoFramework.System.Threading 1.1.x: CancellationToken and CancellationTokenSource, which
// nanoFramework keeps outside mscorlib. Declaration-only.
namespace System.Threading
{
    public struct CancellationToken
    {
        public static CancellationToken None => throw null;
        public bool IsCancellationRequested => throw null;
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() { }
        public CancellationTokenSource(int millisecondsDelay) { }
        public CancellationToken Token => throw null;
        public bool IsCancellationRequested => throw null;
        public void Cancel() { }
        public void Dispose() { }
    }
}
