using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(NcrsGateway.Benchmarks.PatientResponseBenchmarks).Assembly).Run(args);
