namespace NcrsGateway.Core.Model;

/// <summary>
/// One patient attribute: either a value, or an explicit reason there is none, always with provenance.
/// </summary>
public sealed record Recorded<T>
    where T : class
{
    private Recorded(ElementState state, T? value, Provenance provenance)
    {
        State = state;
        Value = value;
        Provenance = provenance;
    }

    public ElementState State { get; }

    public T? Value { get; }

    public Provenance Provenance { get; }

    public bool HasValue => State == ElementState.Present;

    public static Recorded<T> Present(T value, Provenance provenance) =>
        new(ElementState.Present, value ?? throw new ArgumentNullException(nameof(value)), provenance);

    public static Recorded<T> Absent(ElementState state, Provenance provenance) =>
        state == ElementState.Present
            ? throw new ArgumentException("An absent element needs a reason other than Present.", nameof(state))
            : new(state, null, provenance);

    /// <summary>A value when one is given, otherwise <paramref name="whenMissing"/>.</summary>
    public static Recorded<T> From(T? value, ElementState whenMissing, Provenance provenance) =>
        value is null ? Absent(whenMissing, provenance) : Present(value, provenance);
}
