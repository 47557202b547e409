using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// Everything a host exports, as an OTLP exporter would receive it: spans and metrics through OpenTelemetry's in-memory
/// exporter, log records written out as text at export time (the SDK reuses a record once exported).
/// Pass <see cref="Attach"/> as <see cref="GatewayHost.StartAsync"/>'s configure step; call <see cref="Flush"/> before reading.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly ConcurrentQueue<string> _logs = new();

    /// <summary>Finished spans, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Exported metrics (names, units and every point's tags).</summary>
    public IReadOnlyList<MetricSnapshot> Metrics
    {
        get
        {
            lock (_metrics)
            {
                return [.. _metrics];
            }
        }
    }

    /// <summary>Each exported log record as one line: category, event, message, attributes, scopes and exception.</summary>
    public IReadOnlyCollection<string> Logs => [.. _logs];

    public void Attach(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(new LockedSpans(_spans))));
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(new LockedList<MetricSnapshot>(_metrics)));
        builder.Services.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new SimpleLogRecordExportProcessor(new LogText(_logs))));
    }

    /// <summary>Exports whatever the host's providers still hold.</summary>
    public static void Flush(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
        services.GetService<LoggerProvider>()?.ForceFlush();
    }

    /// <summary>Every exported item as text, one entry per span, metric point or log record.</summary>
    public IReadOnlyList<string> Texts(Func<Activity, bool>? spans = null)
    {
        var texts = new List<string>();
        texts.AddRange(Spans.Where(spans ?? (_ => true)).Select(SpanText));
        foreach (var metric in Metrics)
        {
            texts.Add($"metric {metric.Name} ({metric.Unit}) {metric.Description}");
            foreach (var point in metric.MetricPoints)
            {
                var tags = new StringBuilder();
                foreach (var tag in point.Tags)
                {
                    tags.Append(CultureInfo.InvariantCulture, $" {tag.Key}={tag.Value}");
                }

                texts.Add($"metric {metric.Name}{tags}");
            }
        }

        texts.AddRange(Logs);
        return texts;
    }

    public static string SpanText(Activity span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"span {span.Kind} '{span.DisplayName}' {span.OperationName} {span.Status} {span.StatusDescription}");
        foreach (var (key, value) in span.TagObjects)
        {
            text.Append(CultureInfo.InvariantCulture, $" {key}={value}");
        }

        foreach (var e in span.Events)
        {
            text.Append(CultureInfo.InvariantCulture, $" event {e.Name}");
            foreach (var (key, value) in e.Tags)
            {
                text.Append(CultureInfo.InvariantCulture, $" {key}={value}");
            }
        }

        foreach (var (key, value) in span.Baggage)
        {
            text.Append(CultureInfo.InvariantCulture, $" baggage {key}={value}");
        }

        return text.ToString();
    }

    private sealed class LockedSpans(List<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (spans)
            {
                foreach (var span in batch)
                {
                    spans.Add(span);
                }
            }

            return ExportResult.Success;
        }
    }

    private sealed class LockedList<T>(List<T> items) : ICollection<T>
    {
        public int Count
        {
            get
            {
                lock (items)
                {
                    return items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(T item)
        {
            lock (items)
            {
                items.Add(item);
            }
        }

        public void Clear()
        {
            lock (items)
            {
                items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (items)
            {
                return items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (items)
            {
                items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(T item)
        {
            lock (items)
            {
                return items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            lock (items)
            {
                return items.ToList().GetEnumerator();
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class LogText(ConcurrentQueue<string> lines) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"log {record.CategoryName} {record.EventId.Id} {record.EventId.Name} {record.FormattedMessage} {record.Body}");
                foreach (var (key, value) in record.Attributes ?? [])
                {
                    text.Append(CultureInfo.InvariantCulture, $" {key}={value}");
                }

                record.ForEachScope(
                    (scope, builder) =>
                    {
                        foreach (var (key, value) in scope)
                        {
                            builder.Append(CultureInfo.InvariantCulture, $" scope {key}={value}");
                        }
                    },
                    text);
                if (record.Exception is { } exception)
                {
                    text.Append(" exception ").Append(exception);
                }

                lines.Enqueue(text.ToString());
            }

            return ExportResult.Success;
        }
    }
}
