using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NcrsGateway.ServiceDefaults;

/// <summary>
/// Wraps every registered health check so it answers within its timeout whatever the dependency does: a check still
/// waiting when the time is up (a hung PostgreSQL, a stalled disk, a driver that ignores cancellation) is left to finish
/// on its own and reported with its registration's failure status. The readiness probe therefore always gets an answer
/// within <see cref="ServiceDefaultsExtensions.ReadyCheckTimeout"/> (or a registration's own, shorter or longer, timeout).
/// </summary>
internal sealed class BoundedHealthCheck(IHealthCheck inner, TimeSpan timeout, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            return await inner.CheckHealthAsync(context, bound.Token).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"No answer within {timeout.TotalMilliseconds:0} ms: the dependency is hung or too slow.");
        }
    }

    /// <summary>Wraps every registration's factory; a registration's own <see cref="HealthCheckRegistration.Timeout"/> wins over <paramref name="fallback"/>.</summary>
    public static void Apply(HealthCheckServiceOptions options, TimeSpan fallback)
    {
        foreach (var registration in options.Registrations)
        {
            var factory = registration.Factory;
            var timeout = registration.Timeout > TimeSpan.Zero ? registration.Timeout : fallback;
            registration.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // enforced here, by abandoning the wait, not by a token the check may ignore
            registration.Factory = sp => new BoundedHealthCheck(factory(sp), timeout, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        }
    }
}
