using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Embedding.Generated.Optimizers;

/// <summary>
/// Which table an optimizer's slots belong to, so that a second table of the same size is refused instead of silently
/// sharing the first one's slots and step count.
/// </summary>
/// <remarks>
/// A step is given only a span, so the table is recognised by where it lies. A managed array that is not pinned can be
/// moved by a garbage collection, so a table seen at another address is known to be another table only when no
/// collection ran since it was last seen, or when the table cannot move (a generated layer's table is pinned for its
/// life), or when the caller names the table's owner (a trainer names its layer). Otherwise it is taken for the same
/// table, moved: a move must never make a correct program fail.
/// </remarks>
internal sealed class TableIdentity
{
    private nint _address;
    // GC.CollectionCount(0) read just before _address was: every collection, of any generation, counts in it.
    private int _collectionsBeforeAddress;
    private bool _staysPut;
    private object? _owner;

    private TableIdentity()
    {
    }

    /// <summary>The identity of the table a first step was given.</summary>
    public static TableIdentity Of(Span<float> weights, object? owner, bool staysPut)
    {
        var identity = new TableIdentity();
        identity.Follow(weights, owner, staysPut);
        return identity;
    }

    /// <summary>
    /// Whether <paramref name="weights"/> may be this table (see the remarks); if so, remembers where it lies now and
    /// what the caller vouched for.
    /// </summary>
    /// <param name="weights">The table a step was given.</param>
    /// <param name="owner">The object the table belongs to, when the caller knows it; else null.</param>
    /// <param name="staysPut">Whether the caller knows the table never moves (it is pinned for its life).</param>
    public bool TryFollow(Span<float> weights, object? owner, bool staysPut)
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
            bool couldHaveMoved = !_staysPut && !staysPut;
            if (!couldHaveMoved || GC.CollectionCount(0) == _collectionsBeforeAddress)
            {
                return false;
            }
        }

        Follow(weights, owner, staysPut);
        return true;
    }

    private void Follow(Span<float> weights, object? owner, bool staysPut)
    {
        _collectionsBeforeAddress = GC.CollectionCount(0);
        _address = AddressOf(weights);
        _staysPut |= staysPut;
        _owner ??= owner;
    }

    private static unsafe nint AddressOf(Span<float> weights) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(weights));
}
