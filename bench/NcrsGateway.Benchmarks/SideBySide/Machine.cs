using System.Runtime.InteropServices;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>Where a run happened.</summary>
public sealed record MachineInfo(string Cpu, int Cores, string Os, string Dotnet, string LoadAverage);

internal static class Machine
{
    public static MachineInfo Describe() => new(
        Read("/proc/cpuinfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        Environment.Version.ToString(),
        string.Join(' ', (Read("/proc/loadavg") ?? "unknown").Split(' ').Take(3)));

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
