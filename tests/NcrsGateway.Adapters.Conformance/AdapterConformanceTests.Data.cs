using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Conformance;

/// <summary>Data: provenance on every mapped element, no patient data in any log line, options sealed and validated on start.</summary>
public abstract partial class AdapterConformanceTests<TPort, TResult, TOptions>
{
    [Fact]
    public async Task Result_CarriesProvenanceOnEveryElement()
    {
        AnswerOk();

        var result = await CallAsync(BuildAdapter(), Context());

        var provenances = Provenances(result).ToList();
        if (Traits.PassesBytesThrough)
        {
            // Nothing mapped, so nothing to stamp: the bytes must be the upstream's own, and nothing may pose as an element.
            Assert.Equal(Encoding.UTF8.GetBytes(MinimalValidResponse(ValidNhsNumber)), PassedThroughBytes(result));
            Assert.Empty(provenances);
            return;
        }

        Assert.NotEmpty(provenances);
        Assert.All(provenances, p =>
        {
            Assert.NotNull(p);
            Assert.Equal(AdapterKey, p.Source);
            Assert.NotEqual(default, p.RetrievedAt);
        });
    }

    [Fact]
    public async Task Logs_NeverCarryPatientIdentifiers()
    {
        var adapter = BuildAdapter(new Dictionary<string, string?>(NoRetrySettings));
        AnswerOk();
        await CallAsync(adapter, Context());
        if (Traits.TakesNhsNumber)
        {
            await Assert.ThrowsAsync<GatewayException>(() => CallAsync(adapter, Context(), InvalidNhsNumber));
        }

        foreach (var status in new[] { 404, 500 })
        {
            Server.Reset();
            Answer(status, ErrorOutcome());
            try
            {
                await CallAsync(adapter, Context());
            }
            catch (GatewayException)
            {
                // the mapping is checked elsewhere; here only what was logged matters
            }
        }

        var lines = LogLines(adapter);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            foreach (var secret in PatientDataOnTheWire.Append(InvalidNhsNumber))
            {
                Assert.False(line.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A log line carries patient data: {line.Replace(secret, "<redacted>", StringComparison.OrdinalIgnoreCase)}");
            }
        }
    }

    [Fact]
    public void Options_AreSealed() => Assert.True(typeof(TOptions).IsSealed, $"{typeof(TOptions).Name} must be sealed.");

    [Fact]
    public void Options_InvalidValue_FailsOnStart()
    {
        var (key, value) = InvalidSetting;
        var adapter = BuildAdapter(new Dictionary<string, string?> { [key] = value }, validateOnBuild: false);

        var startup = adapter.GetService<IStartupValidator>();
        Assert.True(startup is not null, "The adapter's options are not validated on start (no ValidateOnStart).");
        var failure = Record.Exception(startup.Validate);
        Assert.True(failure is not null, $"Start-up accepted {ConfigurationSection}:{key}={value}.");
        var failures = failure is AggregateException all ? all.InnerExceptions : [failure];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
    }

    [Fact]
    public void Options_UnknownKey_IsRefused()
    {
        var adapter = BuildAdapter(new Dictionary<string, string?> { ["NoSuchSetting"] = "typo" }, validateOnBuild: false);

        Assert.ThrowsAny<InvalidOperationException>(() => adapter.GetRequiredService<IOptions<TOptions>>().Value);
    }
}
