using System.Diagnostics;

namespace MealGateway.Tests.ExternalBroker;

/// <summary>
/// A Mosquitto broker of the test's own: free 127.0.0.1 port, its own config, password file (made
/// with mosquitto_passwd) and ACL file, no persistence. Fails loudly when Mosquitto is missing:
/// CI installs it from .ci/apt-packages, so a silent pass would hide a broken pipeline.
/// </summary>
public sealed class Mosquitto : IDisposable
{
    private readonly Process process;

    private Mosquitto(Process process, int port, string directory)
    {
        this.process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>Starts Mosquitto with these users (name, password) and ACL lines.</summary>
    public static async Task<Mosquitto> StartAsync(string directory, IEnumerable<(string User, string Password)> users, string acl)
    {
        string broker = Find("mosquitto");
        string passwd = Path.Combine(directory, "passwd");
        File.WriteAllText(passwd, string.Empty);
        foreach (var (user, password) in users)
        {
            await RunAsync(Find("mosquitto_passwd"), "-b", passwd, user, password);
        }

        File.WriteAllText(Path.Combine(directory, "acl"), acl);
        for (int attempt = 1; ; attempt++)
        {
            // A port picked free can be taken by another socket before Mosquitto binds it (it cannot
            // bind port 0 and say which): then it exits at start, and another port is tried.
            int port = FreePort.Pick();
            var (process, started, log) = await TryStartAsync(broker, directory, passwd, port);
            if (started)
            {
                return new Mosquitto(process, port, directory);
            }

            process.Dispose();
            if (attempt == 3 || !log.Contains("Address already in use"))
            {
                throw new InvalidOperationException($"mosquitto exited at start:\n{log}");
            }
        }
    }

    private static async Task<(Process Process, bool Started, string Log)> TryStartAsync(string broker, string directory, string passwd, int port)
    {
        string config = Path.Combine(directory, "mosquitto.conf");
        File.WriteAllLines(config,
        [
            // As docs/architecture.md recommends: the client id is the login (no takeover of another
            // terminal's session) and packets over 4 KiB are refused, like the embedded broker.
            $"listener {port} 127.0.0.1", "use_username_as_clientid true", "max_packet_size 4096",
            "allow_anonymous false", $"password_file {passwd}",
            $"acl_file {Path.Combine(directory, "acl")}", "persistence false", "log_dest stderr",
            "user root", // only applies when run as root (containers): stay able to read the temp files
        ]);
        var process = Process.Start(new ProcessStartInfo(broker, ["-c", config]) { RedirectStandardError = true, UseShellExecute = false })!;
        // Mosquitto says "mosquitto version x running" once its listeners are bound.
        var running = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        string log = string.Empty;
        process.ErrorDataReceived += (_, e) =>
        {
            log += e.Data + "\n";
            if (e.Data is null)
            {
                running.TrySetResult(false);
            }
            else if (e.Data.Contains(" running"))
            {
                running.TrySetResult(true);
            }
        };
        process.BeginErrorReadLine();
        await HangGuard.Of(running.Task, "mosquitto to start");
        return (process, await running.Task, log);
    }

    /// <summary>Runs mosquitto_pub; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> PublishAsync(params string[] arguments) =>
        await RunAsync(Find("mosquitto_pub"), ["-h", "127.0.0.1", "-p", Port.ToString(), .. arguments]);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>The full path of a Mosquitto program, or an exception that says how to install it.</summary>
    public static string Find(string program)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/usr/sbin").Append("/usr/local/sbin")
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException(
            $"'{program}' is not installed. The external-broker tests need Mosquitto: apt-get install -y mosquitto mosquitto-clients " +
            "(CI installs the packages listed in .ci/apt-packages).");
    }

    private static async Task<(int, string)> RunAsync(string program, params string[] arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await output + await error);
    }
}
