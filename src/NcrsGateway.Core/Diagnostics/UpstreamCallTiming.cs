namespace NcrsGateway.Core.Diagnostics;

/// <summary>One upstream call within an inbound request.</summary>
/// <param name="Upstream">The upstream's name (<c>PDS</c>, <c>NRL</c>, <c>Immunisation</c>).</param>
/// <param name="StartOffset">From the inbound request's start to the call's start.</param>
/// <param name="Duration">From the call's start to its answer or failure, retries included.</param>
/// <param name="Status">The last HTTP status the upstream answered, or null when none came back.</param>
/// <param name="Attempts">Attempts sent (more than one means retries).</param>
/// <param name="Outcome">
/// <c>ok</c>; or what ended it: <c>timeout</c>, <c>breaker-open</c>, <c>retry-after</c> (refused while an upstream's
/// Retry-After runs), <c>unreachable</c>, or the taxonomy code the answer was mapped to.
/// </param>
public sealed record UpstreamCallTiming(string Upstream, TimeSpan StartOffset, TimeSpan Duration, int? Status, int Attempts, string Outcome);
