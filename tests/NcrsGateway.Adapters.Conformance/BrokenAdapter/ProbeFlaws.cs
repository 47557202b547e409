namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>Deliberate defects the probe adapter can be built with, each one the kit must catch.</summary>
[Flags]
public enum ProbeFlaws
{
    None = 0,

    /// <summary>Removes <c>X-Correlation-ID</c> from the request.</summary>
    DropsCorrelationId = 1,

    /// <summary>Sets a new <c>X-Request-ID</c> on every attempt, so a retry is not recognisable as the same request.</summary>
    NewRequestIdPerAttempt = 2,

    /// <summary>Sends whatever NHS number it is given without checking it.</summary>
    SendsUncheckedNhsNumber = 4,

    /// <summary>Logs the NHS number it reads.</summary>
    LogsNhsNumber = 8,

    /// <summary>Sends the configured static token instead of asking its keyed token provider.</summary>
    IgnoresKeyedToken = 16,
}
