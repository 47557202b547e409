using BenchmarkDotNet.Running;
using NcrsGateway.Benchmarks;

if (args is ["load", ..])
{
    return await LoadBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PatientResponseBenchmarks).Assembly).Run(args);
return 0;
