using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace MealTerminal.Core.NanoCheck.Tests;

/// <summary>
/// The bite tests are only worth something if the base library they compile against is the real
/// nanoFramework mscorlib (nanoFramework.CoreLibrary 1.17.11, the version the device deploys), not a
/// hand-written imitation of it: issue #15.
/// </summary>
public class TheRealCoreLibraryTests
{
    [Fact]
    public void TheBaseLibrary_IsNanoFrameworksMscorlibAtTheDeployedVersion()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "surfaces", SurfaceCompiler.Mscorlib));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var definition = metadata.GetAssemblyDefinition();

        Assert.Equal("mscorlib", metadata.GetString(definition.Name));
        Assert.Equal(new Version(1, 17, 11, 0), definition.Version);
        Assert.Contains(metadata.TypeDefinitions, t =>
            metadata.GetString(metadata.GetTypeDefinition(t).Name) == "SpanByte");
    }

    [Fact]
    public void SpanByte_WhichOnlyNanoFrameworkHas_Compiles() =>
        Assert.Empty(SurfaceCompiler.Errors(
            "class C { byte F(byte[] a) { var s = new System.SpanByte(a, 1, 2); return s[0]; } }"));
}
