namespace NcrsGateway.Adapters.Nrl;

/// <summary>The NRL consumer interactions the adapter makes; errors map differently for each.</summary>
internal enum NrlOperation
{
    Search,
    Read,
}
