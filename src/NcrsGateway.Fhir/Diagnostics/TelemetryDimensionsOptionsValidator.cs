using Microsoft.Extensions.Options;

namespace NcrsGateway.Fhir.Diagnostics;

[OptionsValidator]
internal sealed partial class TelemetryDimensionsOptionsValidator : IValidateOptions<TelemetryDimensionsOptions>;
