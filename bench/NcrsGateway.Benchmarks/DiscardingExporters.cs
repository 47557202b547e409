using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NcrsGateway.Benchmarks;

/// <summary>Exporters that receive everything (batched, as OTLP would) and discard it: the cost of recording without a network.</summary>
internal static class DiscardingExporters
{
    public static void Attach(WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new BatchActivityExportProcessor(new Discard<Activity>())));
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddReader(new PeriodicExportingMetricReader(new Discard<Metric>(), 1000)));
        builder.Services.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new BatchLogRecordExportProcessor(new Discard<LogRecord>())));
    }

    private sealed class Discard<T> : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var _ in batch)
            {
                // received and dropped
            }

            return ExportResult.Success;
        }
    }
}
