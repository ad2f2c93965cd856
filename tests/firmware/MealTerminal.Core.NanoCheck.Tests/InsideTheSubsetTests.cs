using Xunit;

namespace MealTerminal.Core.NanoCheck.Tests;

/// <summary>
/// Ordinary terminal-style code (what nanoFramework 1.x runs) must compile against the surfaces,
/// otherwise the surfaces are too strict and the NanoCheck build would reject legitimate code.
/// </summary>
public class InsideTheSubsetTests
{
    [Fact]
    public void RealisticTerminalCode_CompilesAgainstMscorlibAlone()
    {
        var errors = SurfaceCompiler.Errors(SurfaceCompiler.Fixture("RealisticTerminalCode.cs"));

        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void CodeUsingTheNanoFrameworkPackages_CompilesWithTheirSurfaces()
    {
        var errors = SurfaceCompiler.Errors(SurfaceCompiler.Fixture("PackageUsingCode.cs"),
            SurfaceCompiler.Text, SurfaceCompiler.Collections, SurfaceCompiler.Math);

        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void DeviceAdapterCode_CompilesAgainstTheDeviceSurfaces()
    {
        var errors = SurfaceCompiler.Errors(SurfaceCompiler.Fixture("DeviceAdapterCode.cs"), DeviceAssemblies);

        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    /// <summary>
    /// Issue #15: the device project did not build because the MQTT event arguments, QoS and reason
    /// codes live in nanoFramework.M2Mqtt.Core.dll and the card types in Iot.Device.Card.dll. The
    /// surfaces used to hide that by declaring them in the wrong assemblies.
    /// </summary>
    [Theory]
    [InlineData("nanoFramework.M2Mqtt.Core.dll", "nanoFramework.M2Mqtt.Core")]
    [InlineData("Iot.Device.Card.dll", "Iot.Device.Card")]
    [InlineData("System.IO.Ports.dll", "System.IO.Ports")]
    public void DeviceAdapterCode_WithoutAnAssemblyTheRealPackagesNeed_DoesNotCompile(string left, string named)
    {
        var errors = SurfaceCompiler.Errors(SurfaceCompiler.Fixture("DeviceAdapterCode.cs"),
            DeviceAssemblies.Where(a => a != left).ToArray());

        Assert.Contains(errors, e => e.GetMessage().Contains("'" + named + ",", StringComparison.Ordinal));
    }

    private static readonly string[] DeviceAssemblies =
    {
        SurfaceCompiler.Collections, "System.Device.Gpio.dll", "System.Device.Spi.dll", "System.Device.I2c.dll",
        "System.Net.dll", "System.IO.Ports.dll", "Iot.Device.Card.dll", "Iot.Device.Mfrc522.dll",
        "nanoFramework.M2Mqtt.Core.dll", "nanoFramework.M2Mqtt.dll",
        "nanoFramework.Runtime.Native.dll", "nanoFramework.Hardware.Esp32.dll",
    };

    /// <summary>
    /// A named argument compiles only with the package's own parameter name: System.Text 1.3.42 calls
    /// AppendLine's parameter <c>str</c> (the surface said <c>value</c>, like .NET, until the surfaces were
    /// compared with assemblies built from the package's sources at its tag).
    /// </summary>
    [Fact]
    public void NamedArguments_UseTheRealPackagesParameterNames()
    {
        const string source =
            "class C { string F() { var b = new System.Text.StringBuilder(); b.AppendLine(str: \"餐\"); return b.ToString(); } }";

        var errors = SurfaceCompiler.Errors(source, SurfaceCompiler.Text);

        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void InterpolatedStringWithStandardFormats_CompilesWithoutAnInterpolationHandler()
    {
        const string source =
            "class C { string F(int n, int d, long t) { return $\"卡 {n:X4} 日 {d:D2} 时 {t}\"; } }";

        Assert.Empty(SurfaceCompiler.Errors(source));
    }
}
