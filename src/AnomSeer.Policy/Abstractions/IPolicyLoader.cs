namespace AnomSeer.Policy;

/// <summary>Loads a policy model from a checkpoint folder (the seam a large backbone's loader implements too).</summary>
public interface IPolicyLoader
{
    /// <summary>Loads the policy saved in <paramref name="directory"/>.</summary>
    /// <param name="directory">The checkpoint folder.</param>
    /// <returns>A policy the caller owns and disposes.</returns>
    IPolicyModel Load(string directory);
}
