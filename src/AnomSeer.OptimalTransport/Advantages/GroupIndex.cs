namespace AnomSeer.OptimalTransport;

/// <summary>
/// The groups of a batch (the rollouts of one prompt share a group id), in order of first appearance, with
/// the positions of their members. Deterministic.
/// </summary>
public sealed class GroupIndex
{
    private readonly int[][] _members;

    /// <summary>Indexes the group ids of a batch.</summary>
    /// <param name="groupIds">One id per response.</param>
    public GroupIndex(ReadOnlySpan<int> groupIds)
    {
        var order = new Dictionary<int, int>();
        var lists = new List<List<int>>();
        for (int i = 0; i < groupIds.Length; i++)
        {
            if (!order.TryGetValue(groupIds[i], out int g))
            {
                g = lists.Count;
                order.Add(groupIds[i], g);
                lists.Add([]);
            }
            lists[g].Add(i);
        }
        Keys = [.. order.OrderBy(p => p.Value).Select(p => p.Key)];
        _members = [.. lists.Select(l => l.ToArray())];
        Count = groupIds.Length;
    }

    /// <summary>The distinct group ids in order of first appearance.</summary>
    public IReadOnlyList<int> Keys { get; }

    /// <summary>The number of responses indexed.</summary>
    public int Count { get; }

    /// <summary>The positions of the members of group number <paramref name="group"/> (an index into <see cref="Keys"/>), ascending.</summary>
    public ReadOnlySpan<int> Members(int group) => _members[group];

    internal void CheckLength(int length, string paramName)
    {
        if (length != Count)
            throw new ArgumentException($"Expected {Count} values (one per group id) but got {length}.", paramName);
    }
}
