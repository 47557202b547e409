using System.Collections.Concurrent;
using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Fhir.Diagnostics;

/// <summary>One dimension's bounded set of values: the configured list, or the first <c>max</c> distinct values seen.</summary>
internal sealed class DimensionFold(IEnumerable<string> configured, int max)
{
    private readonly HashSet<string> _configured = new(configured.Where(v => !string.IsNullOrWhiteSpace(v)), StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.Ordinal);

    public string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return RequestDimensions.None;
        }

        if (_configured.Count > 0)
        {
            return _configured.TryGetValue(value, out var known) ? known : RequestDimensions.Other;
        }

        if (_seen.TryGetValue(value, out var seen))
        {
            return seen;
        }

        // Admission races may let a value or two past max: still bounded.
        return _seen.Count < max ? _seen.GetOrAdd(value, value) : RequestDimensions.Other;
    }
}
