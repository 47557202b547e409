namespace NcrsGateway.Core.Adapters;

/// <summary>
/// How many requests a second an upstream allows this application (all gateway instances together), and how many may
/// go at once after a quiet spell. An adapter's descriptor declares its default; an operator overrides it with
/// <c>Adapters:{Name}:RequestsPerSecond</c> and <c>Adapters:{Name}:Burst</c>.
/// </summary>
/// <param name="RequestsPerSecond">The sustained rate (tokens added a second).</param>
/// <param name="Burst">The bucket's size: how many calls may go back to back. 1 spaces calls evenly (1 / rate apart).</param>
public sealed record RequestBudget(double RequestsPerSecond, int Burst);
