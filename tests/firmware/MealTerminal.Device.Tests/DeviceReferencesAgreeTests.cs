using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MealTerminal.Device.Tests;

/// <summary>
/// The device app is built by the nanoFramework project system (MealTerminal.Device.nfproj with
/// packages.config) and checked in CI by MealTerminal.Device.NanoCheck against the real mscorlib and
/// the surfaces. Issue #15: the two disagreed (the .nfproj lacked nanoFramework.M2Mqtt.Core,
/// System.IO.Ports and the card assemblies), so a green CI did not mean a building device app.
/// </summary>
public class DeviceReferencesAgreeTests
{
    private static readonly string Firmware = Path.Combine(RepositoryRoot(), "firmware");

    [Fact]
    public void EveryAssemblyNanoCheckCompilesAgainst_IsReferencedByTheNfproj()
    {
        var nfproj = NfprojReferences();
        foreach (var surface in NanoCheckSurfaces())
        {
            Assert.True(nfproj.ContainsKey(surface.Assembly), $"MealTerminal.Device.nfproj does not reference {surface.Assembly}");
        }

        Assert.True(nfproj.ContainsKey("mscorlib"));
    }

    [Fact]
    public void EveryNfprojReferenceThatHasASurface_IsCompiledAgainstByNanoCheck()
    {
        var checkedAssemblies = NanoCheckSurfaces().Select(s => s.Assembly).ToHashSet();
        var surfaced = AllSurfaces().Select(s => s.Assembly).ToHashSet();
        foreach (var assembly in NfprojReferences().Keys.Where(surfaced.Contains))
        {
            Assert.True(checkedAssemblies.Contains(assembly), $"MealTerminal.Device.NanoCheck does not compile against {assembly}");
        }
    }

    [Fact]
    public void NfprojHintPaths_NameThePackagesConfigVersions()
    {
        var pinned = PackagesConfig();
        foreach (var (assembly, package) in NfprojReferences())
        {
            Assert.True(pinned.TryGetValue(package.Id, out var version), $"{package.Id} (for {assembly}) is not in packages.config");
            Assert.Equal(version, package.Version);
        }

        Assert.Equal(pinned.Keys.OrderBy(k => k), NfprojReferences().Values.Select(p => p.Id).Distinct().OrderBy(k => k));
    }

    [Fact]
    public void EverySurface_MirrorsThePinnedVersionOfItsPackage()
    {
        var pinned = PackagesConfig();
        foreach (var surface in NanoCheckSurfaces())
        {
            Assert.True(pinned.TryGetValue(surface.PackageId, out var version), $"{surface.PackageId} is not pinned");
            Assert.True(version == surface.PackageVersion, $"{surface.Assembly} surface mirrors {surface.PackageVersion}, packages.config pins {version}");
        }
    }

    [Fact]
    public void TheRealCoreLibraryNanoCheckRestores_IsTheOnePackagesConfigPins()
    {
        var props = XDocument.Load(Path.Combine(Firmware, "NanoFramework.Surfaces", "Surface.props"));
        var reference = props.Descendants("PackageReference").Single(e => (string?)e.Attribute("Include") == "nanoFramework.CoreLibrary");

        Assert.Equal(PackagesConfig()["nanoFramework.CoreLibrary"], (string?)reference.Attribute("Version"));
    }

    private sealed record Surface(string Assembly, string PackageId, string? PackageVersion);

    private static IEnumerable<Surface> NanoCheckSurfaces()
    {
        var nanoCheck = Path.Combine(Firmware, "MealTerminal.Device.NanoCheck", "MealTerminal.Device.NanoCheck.csproj");
        return XDocument.Load(nanoCheck).Descendants("ProjectReference")
            .Select(e => ReadSurface(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(nanoCheck)!, (string)e.Attribute("Include")!))))
            .ToList();
    }

    private static IEnumerable<Surface> AllSurfaces() =>
        Directory.GetFiles(Path.Combine(Firmware, "NanoFramework.Surfaces"), "*.Surface.csproj", SearchOption.AllDirectories)
            .Select(ReadSurface).ToList();

    private static Surface ReadSurface(string csproj)
    {
        var document = XDocument.Load(csproj);
        string? Property(string name) => document.Descendants(name).Select(e => e.Value).SingleOrDefault();
        return new Surface(Property("AssemblyName")!, Property("NanoPackageId")!, Property("NanoPackageVersion"));
    }

    private static Dictionary<string, (string Id, string Version)> NfprojReferences()
    {
        XNamespace ms = "http://schemas.microsoft.com/developer/msbuild/2003";
        var document = XDocument.Load(Path.Combine(Firmware, "MealTerminal.Device", "MealTerminal.Device.nfproj"));
        var result = new Dictionary<string, (string, string)>();
        foreach (var reference in document.Descendants(ms + "Reference"))
        {
            var hint = reference.Element(ms + "HintPath")!.Value;
            var match = Regex.Match(hint, @"packages\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\(?<file>[^\\]+)\.dll$");
            Assert.True(match.Success, $"unexpected HintPath {hint}");
            var assembly = (string)reference.Attribute("Include")!;
            Assert.Equal(assembly, match.Groups["file"].Value);
            result.Add(assembly, (match.Groups["id"].Value, match.Groups["version"].Value));
        }

        return result;
    }

    private static Dictionary<string, string> PackagesConfig() =>
        XDocument.Load(Path.Combine(Firmware, "MealTerminal.Device", "packages.config")).Descendants("package")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Terminal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Terminal.sln not found above the test binaries");
    }
}
