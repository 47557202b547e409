namespace NcrsGateway.Core.Model;

/// <summary>
/// The pointers found for a patient. <see cref="Warnings"/> says what was left out and why (a malformed
/// pointer is skipped, not fatal); warnings never contain NHS numbers or URLs.
/// </summary>
public sealed record PointerSearchResult(IReadOnlyList<DocumentPointer> Pointers, IReadOnlyList<string> Warnings)
{
    public static readonly PointerSearchResult Empty = new([], []);
}
