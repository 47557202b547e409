namespace NcrsGateway.Events.Subscriptions;

/// <summary>Whether this instance may send the create now, and why.</summary>
internal enum LedgerClaim
{
    /// <summary>Another instance holds the create's lease, or it is already created: send nothing.</summary>
    None,

    /// <summary>The first attempt ever for this business key.</summary>
    First,

    /// <summary>An earlier attempt stopped before its result was recorded (failed, or its instance died): it may have reached MNS.</summary>
    Resumed,
}
