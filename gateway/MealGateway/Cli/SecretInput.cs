namespace MealGateway.Cli;

/// <summary>
/// Reads a password or secret from a file ("-" for standard input) or an environment variable,
/// never from an argument, which every local user sees in `ps`. Trailing newlines are dropped.
/// </summary>
internal static class SecretInput
{
    /// <summary>The secret, or null with a Chinese problem when neither source gives one.</summary>
    public static string? Read(string? file, string environmentVariable, string what, out string problem)
    {
        problem = string.Empty;
        string? secret;
        if (file is not null)
        {
            try
            {
                secret = file == "-" ? Console.In.ReadLine() : File.ReadAllText(file);
            }
            catch (IOException ex)
            {
                problem = $"读不到{what}文件 '{file}'：{ex.Message}";
                return null;
            }
            catch (UnauthorizedAccessException ex)
            {
                problem = $"读不到{what}文件 '{file}'：{ex.Message}";
                return null;
            }
        }
        else
        {
            secret = Environment.GetEnvironmentVariable(environmentVariable);
        }

        secret = secret?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(secret))
        {
            problem = $"没有{what}：用文件给出（- 表示标准输入），或设环境变量 {environmentVariable}";
            return null;
        }

        return secret;
    }
}
