namespace AnomSeer.Policy.Tests;

/// <summary>Tests that touch torch's process-wide random generator run in this collection, not in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "torch global generator";
}
