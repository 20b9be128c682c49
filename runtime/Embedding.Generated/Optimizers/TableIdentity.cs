using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// Which table an optimizer's slots belong to, so that a second table of the same size is refused instead of silently
/// sharing the first one's slots and step count.
/// </summary>
/// <remarks>
/// A step is given only a span, so the table is recognised by the object it belongs to where the caller names it (a
/// generated layer's fused step and a trainer name the layer), else by where it lies. A managed array can be moved by a
/// garbage collection, so a table seen at another address is known to be another table only when no collection ran
/// since it was last seen; otherwise it is taken for the same table, moved: a move must never make a correct program
/// fail. (A span carries no sign of being pinned, so even a pinned table is judged this way when no owner is named.)
/// </remarks>
internal sealed class TableIdentity
{
    private nint _address;
    // GC.CollectionCount(0) read just before _address was: every collection, of any generation, counts in it.
    private int _collectionsBeforeAddress;
    private object? _owner;

    private TableIdentity()
    {
    }

    /// <summary>The identity of the table a first step was given.</summary>
    public static TableIdentity Of(Span<float> weights, object? owner)
    {
        var identity = new TableIdentity();
        identity.Follow(weights, owner);
        return identity;
    }

    /// <summary>
    /// Whether <paramref name="weights"/> may be this table (see the remarks); if so, remembers where it lies now and
    /// whose it is.
    /// </summary>
    /// <param name="weights">The table a step was given.</param>
    /// <param name="owner">The object the table belongs to, when the caller knows it; else null.</param>
    public bool TryFollow(Span<float> weights, object? owner)
    {
        if (owner is not null && _owner is not null)
        {
            if (!ReferenceEquals(owner, _owner))
            {
                return false;
            }
        }
        else if (AddressOf(weights) != _address)
        {
            // The address above was read before this count, and _address after the count stored with it: if the counts
            // agree, no collection ran between the two reads, so the two addresses are of two different tables.
            if (GC.CollectionCount(0) == _collectionsBeforeAddress)
            {
                return false;
            }
        }

        Follow(weights, owner);
        return true;
    }

    private void Follow(Span<float> weights, object? owner)
    {
        _collectionsBeforeAddress = GC.CollectionCount(0);
        _address = AddressOf(weights);
        _owner ??= owner;
    }

    private static unsafe nint AddressOf(Span<float> weights) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(weights));
}
