using NcrsGateway.Core.Model;

namespace NcrsGateway.ClinicalContext.Verification;

/// <summary>One field of <c>$verify</c>'s answer: both values as held, and where the national one came from.</summary>
internal sealed record FieldComparison(string Field, FieldStatus Status, string? NationalValue, string? LocalValue, Provenance Provenance);
