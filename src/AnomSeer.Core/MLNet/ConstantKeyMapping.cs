using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AnomSeer.MLNet;

/// <summary>
/// The custom mapping behind <see cref="FittedState"/>: emits the same string key on every row, which a
/// built-in <c>MapValue</c> transform then maps to the fitted state. Stateless, so it reloads by contract name.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ConstantKeyMapping : CustomMappingFactory<ConstantKeyMapping.Input, ConstantKeyMapping.Output>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "AnomSeer.FittedState.ConstantKey";

    /// <summary>The temporary key column (dropped again by <see cref="FittedState.AppendStateColumn"/>).</summary>
    public const string KeyColumn = "__AnomSeerStateKey";

    internal const string Key = "state";

    /// <summary>The mapping: writes the constant key.</summary>
    public static void Action(Input input, Output output) => output.__AnomSeerStateKey = Key;

    /// <inheritdoc />
    public override Action<Input, Output> GetMapping() => Action;

    /// <summary>No input columns are read.</summary>
    public sealed class Input
    {
    }

    /// <summary>The key column.</summary>
    public sealed class Output
    {
        /// <summary>The constant key.</summary>
#pragma warning disable IDE1006, CA1707 // the field name is the column name
        public string __AnomSeerStateKey = Key;
#pragma warning restore IDE1006, CA1707
    }
}
