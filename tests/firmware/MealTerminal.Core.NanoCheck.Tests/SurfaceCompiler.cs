using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MealTerminal.Core.NanoCheck.Tests;

/// <summary>
/// Compiles C# source in memory against the nanoFramework reference surfaces only (no .NET base
/// library), the way MealTerminal.Core.NanoCheck does, and returns the errors.
/// </summary>
internal static class SurfaceCompiler
{
    public const string Mscorlib = "mscorlib.dll";
    public const string Text = "nanoFramework.System.Text.dll";
    public const string Collections = "nanoFramework.System.Collections.dll";
    public const string Math = "System.Math.dll";
    public const string Ports = "System.IO.Ports.dll";

    public static ImmutableArray<Diagnostic> Errors(string source, params string[] extraSurfaces)
    {
        var references = new List<MetadataReference> { Reference(Mscorlib) };
        foreach (var surface in extraSurfaces)
        {
            references.Add(Reference(surface));
        }

        var compilation = CSharpCompilation.Create(
            "Snippet",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                generalDiagnosticOption: ReportDiagnostic.Error));

        // Emit, not just GetDiagnostics: missing compiler-required members surface only when emitting.
        using var peStream = new MemoryStream();
        var result = compilation.Emit(peStream);
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static MetadataReference Reference(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "surfaces", fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Surface assembly was not copied next to the tests", path);
        }

        return MetadataReference.CreateFromFile(path);
    }
}
