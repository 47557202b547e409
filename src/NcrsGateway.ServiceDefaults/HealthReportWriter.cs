using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Net.Http.Headers;

namespace NcrsGateway.ServiceDefaults;

/// <summary>
/// Writes a health report: the overall status as plain text (what probes read), or, when the caller accepts JSON and
/// may read the detail (a signed-in operations role), every entry with its status, description and data (e.g.
/// <c>upstream:pds</c> with its breaker state and last success). Anyone else gets the plain status, JSON asked for or
/// not: which upstreams are configured, their breakers and the audit backlog are of use to an attacker. Exception
/// messages are never written: entries' own descriptions and data hold no patient data.
/// </summary>
internal sealed class HealthReportWriter(Func<HttpContext, bool> mayReadDetail)
{
    public Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (!AcceptsJson(context.Request) || !mayReadDetail(context))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is { } description)
                {
                    json.WriteString("description", description);
                }

                foreach (var (key, value) in entry.Data)
                {
                    json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).AsTask();
    }

    private static bool AcceptsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}
