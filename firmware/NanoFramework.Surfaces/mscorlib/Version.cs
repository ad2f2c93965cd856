// Reference surface of nanoFramework.CoreLibrary 1.17.x (mscorlib): System.Version (MfRc522.Version returns it).
namespace System
{
    public sealed class Version
    {
        public Version(int major, int minor) { }
        public Version(int major, int minor, int build) { }
        public Version(int major, int minor, int build, int revision) { }
        public int Major => throw null;
        public int Minor => throw null;
        public int Build => throw null;
        public int Revision => throw null;
        public override string ToString() => throw null;
    }
}
