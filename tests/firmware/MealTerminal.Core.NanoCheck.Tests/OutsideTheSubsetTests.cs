using Xunit;

namespace MealTerminal.Core.NanoCheck.Tests;

/// <summary>
/// Code that compiles on .NET but not for nanoFramework 1.x must fail against the surfaces, and for
/// the expected reason (the assertion names the missing API, so a typo in a snippet cannot pass).
/// </summary>
public class OutsideTheSubsetTests
{
    [Fact]
    public void GenericList_DoesNotCompile() =>
        AssertFails("class C { System.Collections.Generic.List<int> items = new System.Collections.Generic.List<int>(); }",
            "Generic");

    [Fact]
    public void Linq_DoesNotCompile() =>
        AssertFails("using System.Linq; class C { int F(int[] a) { return a.Count(); } }", "Linq");

    [Fact]
    public void NullableInt_DoesNotCompile() =>
        AssertFails("class C { int? maybe; public int F() { return maybe ?? 0; } }", "Nullable`1");

    [Fact]
    public void AsyncTask_DoesNotCompile() =>
        AssertFails("class C { async System.Threading.Tasks.Task F() { await System.Threading.Tasks.Task.Delay(1); } }",
            "Tasks");

    [Fact]
    public void Tuple_DoesNotCompile() =>
        AssertFails("class C { (int, string) F() { return (1, \"a\"); } }", "ValueTuple");

    [Fact]
    public void ArraySort_DoesNotCompile() =>
        AssertFails("class C { void F(int[] a) { System.Array.Sort(a); } }", "Sort");

    [Fact]
    public void ArrayReverse_DoesNotCompile() =>
        AssertFails("class C { void F(byte[] a) { System.Array.Reverse(a); } }", "Reverse");

    [Fact]
    public void DateTimeAddMonths_DoesNotCompile() =>
        AssertFails("class C { System.DateTime F(System.DateTime d) { return d.AddMonths(1); } }", "AddMonths");

    [Fact]
    public void DateTimeNow_DoesNotCompile() =>
        AssertFails("class C { System.DateTime F() { return System.DateTime.Now; } }", "Now");

    [Fact]
    public void TimeSpanFromFractionalSeconds_DoesNotCompile() =>
        AssertFails("class C { System.TimeSpan F() { return System.TimeSpan.FromSeconds(1.5); } }", "double");

    [Fact]
    public void EnumGetValues_DoesNotCompile() =>
        AssertFails("enum E { A } class C { object F() { return System.Enum.GetValues(typeof(E)); } }", "GetValues");

    [Fact]
    public void StringReplace_DoesNotCompile() =>
        AssertFails("class C { string F(string s) { return s.Replace(\"a\", \"b\"); } }", "Replace");

    [Fact]
    public void StringBuilderWithoutTheTextSurface_DoesNotCompile() =>
        AssertFails(StringBuilderSnippet, "'Text'");

    [Fact]
    public void StringBuilderWithTheTextSurface_Compiles() =>
        Assert.Empty(SurfaceCompiler.Errors(StringBuilderSnippet, SurfaceCompiler.Text));

    [Fact]
    public void HashtableWithoutTheCollectionsSurface_DoesNotCompile() =>
        AssertFails(HashtableSnippet, "Hashtable");

    [Fact]
    public void HashtableWithTheCollectionsSurface_Compiles() =>
        Assert.Empty(SurfaceCompiler.Errors(HashtableSnippet, SurfaceCompiler.Collections));

    /// <summary>System.Collections 1.5.67 has Contains, not .NET's ContainsKey (the surface declared one until issue 15).</summary>
    [Fact]
    public void HashtableContainsKey_WhichThePackageLacks_DoesNotCompile()
    {
        var errors = SurfaceCompiler.Errors("class C { bool F(System.Collections.Hashtable t) { return t.ContainsKey(1); } }", SurfaceCompiler.Collections);
        Assert.Contains(errors, e => e.GetMessage().Contains("ContainsKey", StringComparison.Ordinal));
    }

    /// <summary>System.Text 1.3.42's Encoding has an abstract GetDecoder: an encoding of ours must implement it there too.</summary>
    [Fact]
    public void AnEncodingWithoutGetDecoder_DoesNotCompile()
    {
        var errors = SurfaceCompiler.Errors("class E : System.Text.Encoding { }", SurfaceCompiler.Text);
        Assert.Contains(errors, e => e.GetMessage().Contains("GetDecoder", StringComparison.Ordinal));
    }

    /// <summary>
    /// System.IO.Ports 1.1.132's SerialPort has no InfiniteTimeout (.NET's has one). The surface declared
    /// it until the surfaces were compared with assemblies built from the package's sources at its tag.
    /// </summary>
    [Fact]
    public void SerialPortInfiniteTimeout_WhichThePackageLacks_DoesNotCompile()
    {
        var errors = SurfaceCompiler.Errors("class C { int F() { return System.IO.Ports.SerialPort.InfiniteTimeout; } }", SurfaceCompiler.Ports);
        Assert.Contains(errors, e => e.GetMessage().Contains("InfiniteTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void MathWithoutTheMathSurface_DoesNotCompile() =>
        AssertFails("class C { int F(int a, int b) { return System.Math.Max(a, b); } }", "Math");

    private const string StringBuilderSnippet =
        "class C { string F() { var b = new System.Text.StringBuilder(); b.Append(\"餐\"); return b.ToString(); } }";

    private const string HashtableSnippet =
        "class C { object F() { var t = new System.Collections.Hashtable(); t[\"k\"] = 1; return t[\"k\"]; } }";

    private static void AssertFails(string source, string expectedInMessage)
    {
        var errors = SurfaceCompiler.Errors(source);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.GetMessage().Contains(expectedInMessage, StringComparison.Ordinal));
    }
}
