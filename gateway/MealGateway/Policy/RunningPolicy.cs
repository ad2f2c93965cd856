using MealTerminal.Core.Meals;

namespace MealGateway.Policy;

/// <summary>
/// The policy the gateway settles with, loaded from the county's file. A reload that finds a
/// problem in the file reports it and keeps the policy that was running.
/// </summary>
public sealed class RunningPolicy(string path, MealPeriod[] periods)
{
    private volatile SubsidyPolicy? current;

    public string Path { get; } = path;

    /// <summary>The policy in use; null until a file has loaded without problems.</summary>
    public SubsidyPolicy? Current => current;

    /// <summary>Reads the file again; on any problem returns false with a message naming each bad line.</summary>
    public bool TryReload(out string problem)
    {
        if (!File.Exists(Path))
        {
            problem = $"找不到补贴政策文件 '{System.IO.Path.GetFullPath(Path)}'";
            return false;
        }

        var result = PolicyParser.Parse(File.ReadAllText(Path), periods);
        if (result.Policy is null)
        {
            problem = result.Describe(System.IO.Path.GetFileName(Path));
            return false;
        }

        current = result.Policy;
        problem = string.Empty;
        return true;
    }
}
