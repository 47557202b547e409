namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>
/// A patient's vaccinations for the vaccine types asked about. <see cref="Events"/> is never ambiguous: present
/// (one or more events), <see cref="ElementState.NotRecorded"/> (the service holds no vaccination of those types
/// in the dates asked about) or <see cref="ElementState.Withheld"/> (the service withheld the history, for a
/// restricted patient). <see cref="Warnings"/> says which records were left out and why; warnings never contain
/// NHS numbers, names or URLs.
/// </summary>
public sealed record ImmunisationSearchResult(Recorded<IReadOnlyList<ImmunisationEvent>> Events, IReadOnlyList<string> Warnings)
{
    /// <summary>No vaccination of the requested types is recorded.</summary>
    public static ImmunisationSearchResult NotRecorded(Provenance provenance, IReadOnlyList<string>? warnings = null) =>
        new(Recorded<IReadOnlyList<ImmunisationEvent>>.Absent(ElementState.NotRecorded, provenance), warnings ?? []);

    /// <summary>The national service withheld the patient's history.</summary>
    public static ImmunisationSearchResult Withheld(Provenance provenance) =>
        new(Recorded<IReadOnlyList<ImmunisationEvent>>.Absent(ElementState.Withheld, provenance), []);

    /// <summary>The events found (none when the history is not recorded or withheld).</summary>
    public IReadOnlyList<ImmunisationEvent> EventsOrEmpty => Events.Value ?? [];
}
