// Reference surface of NuGet package nanoFramework.System.Math 1.5.116 (assembly System.Math), the release
// built against CoreLibrary 1.17.11, read from nanoframework/System.Math at tag v1.5.116 (Math.cs): a subset
// of its members with the real parameter names. Add a member only after checking it there.
namespace System
{
    public static class Math
    {
        public const double E = 2.7182818284590451;
        public const double PI = 3.1415926535897931;
        public static int Abs(int value) => throw null;
        public static double Abs(double value) => throw null;
        public static float Abs(float value) => throw null;
        public static int Max(int val1, int val2) => throw null;
        public static double Max(double val1, double val2) => throw null;
        public static int Min(int val1, int val2) => throw null;
        public static double Min(double val1, double val2) => throw null;
        public static double Round(double a) => throw null;
        public static double Floor(double d) => throw null;
        public static double Ceiling(double d) => throw null;
        public static double Sqrt(double d) => throw null;
        public static double Pow(double x, double y) => throw null;
    }
}
