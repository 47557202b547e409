using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// Builds the elements a restricted record withholds: on a restricted record they are always
/// <see cref="ElementState.Withheld"/> (a value PDS should not have sent is dropped, never shown); on an
/// unrestricted one a missing value is <see cref="ElementState.NotRecorded"/>.
/// </summary>
internal sealed class RestrictedRecordGuard(bool restricted, Provenance provenance)
{
    public Recorded<T> Hidden<T>(T? value)
        where T : class =>
        restricted ? Recorded<T>.Absent(ElementState.Withheld, provenance) : Recorded<T>.From(value, ElementState.NotRecorded, provenance);

    public Recorded<IReadOnlyList<T>> Hidden<T>(List<T> items) =>
        restricted ? Recorded<IReadOnlyList<T>>.Absent(ElementState.Withheld, provenance) : List(items, ElementState.NotRecorded, provenance);

    public Recorded<T> Shown<T>(T? value)
        where T : class => Recorded<T>.From(value, ElementState.NotRecorded, provenance);

    public static Recorded<IReadOnlyList<T>> List<T>(List<T> items, ElementState whenEmpty, Provenance provenance) =>
        items.Count == 0
            ? Recorded<IReadOnlyList<T>>.Absent(whenEmpty, provenance)
            : Recorded<IReadOnlyList<T>>.Present(items, provenance);
}
