namespace NcrsGateway.Events;

/// <summary>The MNS event types the gateway acts on, and what each means. Any other type is stored and ignored.</summary>
internal static class EventTypes
{
    public const string RecordChange2 = "pds-record-change-2";
    public const string ChangeOfGp2 = "pds-change-of-gp-2";
    public const string Death2 = "pds-death-notification-2";
    public const string NhsNumberChange2 = "nhs-number-change-2";
    public const string GpRegistrationRequest1 = "gpreg-change-gp-req-1";
    public const string Vaccination1 = "imms-vaccination-record-change-1";
    public const string RecordChange1 = "pds-record-change-1";
    public const string ChangeOfGp1 = "pds-change-of-gp-1";
    public const string Death1 = "pds-death-notification-1";

    private static readonly Dictionary<string, EventKind> Kinds = new(StringComparer.Ordinal)
    {
        [RecordChange2] = EventKind.RecordChange,
        [RecordChange1] = EventKind.RecordChange,
        [ChangeOfGp2] = EventKind.GpChange,
        [ChangeOfGp1] = EventKind.GpChange,
        [GpRegistrationRequest1] = EventKind.GpChange,
        [Death2] = EventKind.Death,
        [Death1] = EventKind.Death,
        [NhsNumberChange2] = EventKind.NhsNumberChange,
        [Vaccination1] = EventKind.Vaccination,
    };

    public static IReadOnlyCollection<string> Known => Kinds.Keys;

    public static EventKind KindOf(string type) => Kinds.GetValueOrDefault(type, EventKind.Unknown);
}
