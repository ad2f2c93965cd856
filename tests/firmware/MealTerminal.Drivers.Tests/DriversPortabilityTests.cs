using System.Reflection;
using MealTerminal.Drivers.NorFlash;

namespace MealTerminal.Drivers.Tests;

/// <summary>The drivers are compiled for nanoFramework too: base library and the core only, no generics, no async.</summary>
public class DriversPortabilityTests
{
    private static readonly Assembly Drivers = typeof(W25qFlash).Assembly;

    [Fact]
    public void DriversAssembly_ReferencesOnlyTheBaseLibraryAndTheCore()
    {
        var references = Drivers.GetReferencedAssemblies().Select(a => a.Name).ToList();
        // System.Threading: on .NET, lock compiles to Monitor in that facade; nanoFramework has Monitor in
        // mscorlib, and MealTerminal.Drivers.NanoCheck compiles the drivers against the real mscorlib.
        Assert.All(references, name => Assert.True(name is "System.Runtime" or "System.Threading" or "MealTerminal.Core", $"drivers reference {name}"));
    }

    [Fact]
    public void DriverTypes_DeclareNoGenericsNullablesOrAsyncMethods()
    {
        foreach (var type in Drivers.GetTypes().Where(t => !t.Name.StartsWith('<')))
        {
            Assert.False(type.IsGenericTypeDefinition, $"{type} is generic");
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                Assert.False(method.IsGenericMethodDefinition, $"{type}.{method.Name} is generic");
                Assert.False(typeof(Task).IsAssignableFrom(method.ReturnType), $"{type}.{method.Name} is async");
                Assert.Null(Nullable.GetUnderlyingType(method.ReturnType));
            }
        }
    }
}
