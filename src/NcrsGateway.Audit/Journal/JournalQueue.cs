namespace NcrsGateway.Audit.Journal;

/// <summary>
/// The journal's queue: many producers, one dedicated consumer thread that blocks while it is empty. Producers wake
/// the consumer only when it is asleep, so a busy writer takes whole groups without a wake-up per row. Adding and
/// completing are serialized, so nothing is queued behind a completed queue.
/// </summary>
internal sealed class JournalQueue<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<T> _items = new();
    private readonly object _gate = new(); // Monitor.Wait and Pulse need a monitor, not a Lock
    private bool _sleeping;
    private bool _completed;

    /// <summary>Queues <paramref name="item"/>; false once the queue is completed.</summary>
    public bool TryAdd(T item)
    {
        lock (_gate) // a short section: the completed check and the enqueue are one step, so no item is left behind a completed queue
        {
            if (_completed)
            {
                return false;
            }

            _items.Enqueue(item);
            if (_sleeping)
            {
                _sleeping = false;
                Monitor.Pulse(_gate);
            }
        }

        return true;
    }

    public bool TryTake(out T item) => _items.TryDequeue(out item!);

    /// <summary>Blocks the consumer until there is an item (true) or the queue is completed and empty (false).</summary>
    public bool WaitForItems()
    {
        while (true)
        {
            if (!_items.IsEmpty)
            {
                return true;
            }

            lock (_gate)
            {
                if (!_items.IsEmpty)
                {
                    return true;
                }

                if (_completed)
                {
                    return false;
                }

                _sleeping = true;
                Monitor.Wait(_gate);
                _sleeping = false;
            }
        }
    }

    /// <summary>No more items are accepted; the consumer drains what is queued, then <see cref="WaitForItems"/> returns false.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            _sleeping = false;
            Monitor.PulseAll(_gate);
        }
    }
}
