using System.Reflection;

namespace MealTerminal.Core.Tests;

/// <summary>The core stays portable: it references only the base library, never MQTTnet, LiteDB or the gateway.</summary>
public class CoreDependencyTests
{
    [Fact]
    public void CoreAssembly_ReferencesOnlyTheBaseLibrary()
    {
        var references = typeof(Terminal).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.All(references, name => Assert.True(name == "System.Runtime" || name == "System.Console", $"core references {name}"));
    }

    [Fact]
    public void CoreTypes_DeclareNoGenericsOrAsyncMethods()
    {
        foreach (var type in typeof(Terminal).Assembly.GetTypes().Where(t => !t.Name.StartsWith('<')))
        {
            Assert.False(type.IsGenericTypeDefinition, $"{type} is generic");
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                Assert.False(method.IsGenericMethodDefinition, $"{type}.{method.Name} is generic");
                Assert.False(typeof(System.Threading.Tasks.Task).IsAssignableFrom(method.ReturnType), $"{type}.{method.Name} is async");
            }
        }
    }
}
