using BenchmarkDotNet.Running;
using NcrsGateway.Benchmarks;
using NcrsGateway.Benchmarks.SideBySide;

if (args is ["side-by-side", ..])
{
    var root = Directory.GetCurrentDirectory();
    while (!File.Exists(Path.Combine(root, "NcrsGateway.sln")))
    {
        root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    await SideBySideBench.RunAsync(BenchOptions.Parse(args[1..], root), Console.Out);
    return 0;
}

if (args is ["audit", ..])
{
    return await NcrsGateway.Benchmarks.AuditOnly.AuditThroughput.RunAsync(args[1..]);
}

if (args is ["load", ..])
{
    return await LoadBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PatientResponseBenchmarks).Assembly).Run(args);
return 0;
