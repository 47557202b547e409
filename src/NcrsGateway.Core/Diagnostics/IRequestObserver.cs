namespace NcrsGateway.Core.Diagnostics;

/// <summary>
/// Told about every finished inbound request (a DI collection: the support lookup's journal is one). Called on the
/// request's own path once it has been answered, so an observer must be quick: copy what it needs and return.
/// </summary>
public interface IRequestObserver
{
    void Completed(CompletedRequest request);
}
