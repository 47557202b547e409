using System.Diagnostics;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// A built host (<c>src/&lt;project&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;project&gt;.dll</c>) run as a real process: the
/// production host <see cref="Production"/> unless told <see cref="SandboxHost"/>.
/// </summary>
public static class GatewayProcess
{
    public const string Production = "NcrsGateway";
    public const string SandboxHost = "NcrsGateway.Sandbox.Host";

    /// <summary>The host's dll, found from this test assembly's output folder.</summary>
    public static string Dll(string project = Production)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NcrsGateway.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found."), "src", project, "bin", configuration, framework, project + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the gateway first: {dll} not found.");
    }

    /// <summary>
    /// Runs the gateway with <paramref name="arguments"/> (e.g. <c>--Key=value</c>) until it exits; fails the test if it is
    /// still running after <paramref name="timeout"/> (it is then killed).
    /// </summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(
        IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null, string project = Production)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var dll = Dll(project);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the gateway process.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException("The gateway process did not exit: it started instead of refusing its configuration.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
