using Microsoft.Extensions.Options;

namespace NcrsGateway.Events;

/// <summary>The DataAnnotations rules of <see cref="EventsOptions"/>, source-generated.</summary>
[OptionsValidator]
internal sealed partial class EventsOptionsValidator : IValidateOptions<EventsOptions>;
