using System.Text.Json;
using Firely.Fhir.Validation;
using Firely.Fhir.Validation.Compilation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.FunctionalTests.Conformance;

/// <summary>
/// One Firely validator for the whole test run (shared by <see cref="ConformanceCollection"/>): base R4 from the SDK's
/// specification.zip, UK Core STU2 from the vendored <c>profiles/ukcore</c> and our own <c>profiles/</c>, all copied to the
/// test output. Terminology is checked locally against the ValueSets and CodeSystems those hold; a binding whose value set
/// needs an external code system (SNOMED CT, dm+d, ...) cannot be expanded offline and is recorded in
/// <see cref="UncheckedValueSets"/> instead of being guessed (the list in profiles/ukcore/SOURCES.md).
/// </summary>
public sealed class FhirValidatorFixture : IDisposable
{
    /// <summary>When set, the path the fixture writes the unchecked value sets and warning counts to at the end of the run.</summary>
    public const string ReportVariable = "NCRS_CONFORMANCE_REPORT";

    private readonly Validator _validator;
    private readonly HashSet<string> _unchecked = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _warnings = new(StringComparer.Ordinal);

    public FhirValidatorFixture()
    {
        var profiles = Path.Combine(AppContext.BaseDirectory, "profiles");
        var source = new MultiResolver(
            new DirectorySource(profiles, new DirectorySourceSettings { IncludeSubDirectories = true }),
            ZipSource.CreateValidationSource());
        // Firely's corrections to known faults in the R4 core definitions (ref-1 failing identifier-only references, ...)
        // must be applied before snapshots are generated, so they wrap the raw source.
        var resolver = new CachedResolver(new SnapshotSource(new StructureDefinitionCorrectionsResolver(source)));
        var terminology = LocalTerminologyService.CreateDefaultForCore(resolver);
        var settings = new ValidationSettings { HandleValidateCodeServiceFailure = RecordUnchecked };
        _validator = new Validator(resolver, terminology, null, settings);
    }

    /// <summary>Value sets (canonical URL) a binding named but the local terminology could not check.</summary>
    public IReadOnlyCollection<string> UncheckedValueSets
    {
        get
        {
            lock (_gate)
            {
                return [.. _unchecked.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Errors (and fatals) found validating <paramref name="json"/> against base R4 and every profile it claims.</summary>
    public IReadOnlyList<OperationOutcome.IssueComponent> Errors(string json)
    {
        var resource = JsonSerializer.Deserialize<Resource>(json, FhirJson.Options)!;
        lock (_gate) // the Firely validator and its caches are not thread-safe
        {
            var outcome = _validator.Validate(resource, null);
            foreach (var warning in outcome.Issue.Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning))
            {
                var text = warning.Details?.Text ?? warning.Diagnostics ?? string.Empty;
                _warnings[text] = _warnings.GetValueOrDefault(text) + 1;
            }

            return [.. outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)];
        }
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } path)
        {
            lock (_gate)
            {
                File.WriteAllLines(path, [
                    "Unchecked value sets:", .. _unchecked.Order(StringComparer.Ordinal),
                    "Warnings (count, text):", .. _warnings.OrderByDescending(w => w.Value).Select(w => $"{w.Value}\t{w.Key}"),
                ]);
            }
        }
    }

    /// <summary>One line per issue, for an assertion message.</summary>
    public static string Describe(IEnumerable<OperationOutcome.IssueComponent> issues) =>
        string.Join(Environment.NewLine, issues.Select(i => $"{i.Severity} {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}"));

    private TerminologyServiceExceptionResult RecordUnchecked(ValidateCodeParameters parameters, Hl7.Fhir.Rest.FhirOperationException exception)
    {
        _unchecked.Add(parameters.Url?.ToString() ?? "(no value set)");
        return TerminologyServiceExceptionResult.Warning;
    }
}
