namespace NcrsGateway.Core.Ports;

/// <summary>
/// Who goes first when an upstream's request budget is spent: a clinician waiting on a screen, or work nobody is
/// watching (e.g. re-fetching a record after a change event). Waiting clinical calls always take the next slot.
/// </summary>
public enum RequestPriority
{
    /// <summary>A person is waiting for the answer (the default).</summary>
    Clinical = 0,

    /// <summary>Nobody is waiting: it gets a slot only when no clinical call wants it.</summary>
    Background = 1,
}
