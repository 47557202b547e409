using System.Threading.Channels;
using NcrsGateway.Core.Diagnostics;

namespace NcrsGateway.Operations;

/// <summary>
/// Requests waiting to be copied to the shared store, off the request path: bounded, and when full the newest offer is
/// dropped (the request is still in this instance's journal). Only registered when a shared store is configured.
/// </summary>
internal sealed class SharedJournalQueue
{
    private readonly Channel<(CompletedRequest Request, bool Notable)> _channel =
        Channel.CreateBounded<(CompletedRequest, bool)>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Offer(CompletedRequest request, bool notable) => _channel.Writer.TryWrite((request, notable));

    public ChannelReader<(CompletedRequest Request, bool Notable)> Reader => _channel.Reader;
}
