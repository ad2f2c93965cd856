// Reference surface of NuGet package nanoFramework.System.Threading 1.1.52 (assembly System.Threading), read
// from nanoframework/System.Threading at tag v1.1.52: the cancellation types, which nanoFramework keeps
// outside mscorlib. Tasks, the thread pool and registrations are left out. Declaration-only.
namespace System.Threading
{
    public struct CancellationToken
    {
        public CancellationToken(bool canceled) { }
        public static CancellationToken None => throw null;
        public bool IsCancellationRequested => throw null;
        public bool CanBeCanceled => throw null;
        public WaitHandle WaitHandle => throw null;
        public bool Equals(CancellationToken other) => throw null;
        public override bool Equals(object other) => throw null;
        public override int GetHashCode() => throw null;
        public void ThrowIfCancellationRequested() { }
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() { }
        public CancellationTokenSource(int millisecondsDelay) { }
        public CancellationTokenSource(TimeSpan delay) { }
        public CancellationToken Token => throw null;
        public bool IsCancellationRequested => throw null;
        public void Cancel() { }
        public void Cancel(bool throwOnFirstException) { }
        public void CancelAfter(TimeSpan delay) { }
        public void CancelAfter(int millisecondsDelay) { }
        public void Dispose() { }
    }
}
