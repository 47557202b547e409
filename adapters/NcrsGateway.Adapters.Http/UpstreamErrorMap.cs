using NcrsGateway.Core.Errors;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// An adapter's own reading of an upstream error (e.g. PDS's <c>INVALIDATED_RESOURCE</c>, NRL's 403 for a pointer type);
/// null leaves the status to the common arms of <see cref="UpstreamErrors.Map"/>.
/// </summary>
public delegate GatewayException? UpstreamErrorMap(UpstreamFailure failure);
