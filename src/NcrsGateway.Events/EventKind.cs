namespace NcrsGateway.Events;

/// <summary>What a national event means for the gateway, whatever its version suffix.</summary>
internal enum EventKind
{
    /// <summary>Not a type the gateway acts on: stored and marked ignored.</summary>
    Unknown,

    /// <summary>Demographics changed (<c>pds-record-change-*</c>).</summary>
    RecordChange,

    /// <summary>The registered GP changed (<c>pds-change-of-gp-*</c>, <c>gpreg-change-gp-req-1</c>).</summary>
    GpChange,

    /// <summary>A death was notified (<c>pds-death-notification-*</c>).</summary>
    Death,

    /// <summary>The NHS number was superseded by another (<c>nhs-number-change-*</c>).</summary>
    NhsNumberChange,

    /// <summary>A vaccination record changed (<c>imms-vaccination-record-change-1</c>).</summary>
    Vaccination,
}
