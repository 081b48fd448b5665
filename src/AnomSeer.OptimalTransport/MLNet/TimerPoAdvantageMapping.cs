using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AnomSeer.OptimalTransport.MLNet;

/// <summary>
/// The stateless mapping that computes one group's TimerPO advantages with the settings read from the state
/// column; found again by its contract name when a saved model is loaded. Infrastructure; use
/// <see cref="TimerPoAdvantageCatalog.ComputeTimerPoAdvantages"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(ContractName)]
public sealed class TimerPoAdvantageMapping : CustomMappingFactory<TimerPoMappingInput, TimerPoAdvantageMapping.Output>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "AnomSeer.OptimalTransport.TimerPoAdvantages.v1";

    /// <summary>Maps one row (one group).</summary>
    /// <exception cref="ArgumentException">Token counts that do not match the hidden-state lengths.</exception>
    public static void Map(TimerPoMappingInput input, Output output)
    {
        var (dim, options) = TimerPoOptionsState.Decode(input.State);
        int n = input.Rewards.Length;
        if (input.ResponseTokenCounts.Length != n)
            throw new ArgumentException($"The row has {n} rewards but {input.ResponseTokenCounts.Length} response token counts.", nameof(input));
        if (input.ReferenceHidden.Length % dim != 0)
            throw new ArgumentException($"The reference hidden states ({input.ReferenceHidden.Length} values) are not a multiple of the dimension {dim}.", nameof(input));

        var reference = new HiddenStates(input.ReferenceHidden, input.ReferenceHidden.Length / dim, dim);
        var responses = new HiddenStates[n];
        int offset = 0;
        for (int i = 0; i < n; i++)
        {
            double count = input.ResponseTokenCounts[i];
            if (!(count >= 0) || count != Math.Floor(count))
                throw new ArgumentException($"Response token count {i} is {count}; counts must be whole numbers ≥ 0.", nameof(input));
            int length = (int)count * dim;
            if (offset + length > input.ResponseHidden.Length)
                throw new ArgumentException($"The response token counts need more than the {input.ResponseHidden.Length} hidden values of the row.", nameof(input));
            responses[i] = new HiddenStates(input.ResponseHidden.AsMemory(offset, length), (int)count, dim);
            offset += length;
        }
        if (offset != input.ResponseHidden.Length)
            throw new ArgumentException($"The response token counts cover {offset} of the {input.ResponseHidden.Length} hidden values of the row.", nameof(input));

        var result = TimerPoAdvantage.Compute(new int[n], input.Rewards, responses, Enumerable.Repeat(reference, n).ToArray(), options);
        output.Advantages = [.. result.Advantages];
        output.TransportCosts = [.. result.TransportCosts];
        output.Similarities = [.. result.Similarities];
    }

    /// <inheritdoc />
    public override Action<TimerPoMappingInput, Output> GetMapping() => Map;

    /// <summary>The computed columns.</summary>
    public sealed class Output
    {
        /// <summary>The final advantage of each response.</summary>
        [ColumnName(TimerPoMappingColumns.Advantages)]
        public double[] Advantages { get; set; } = [];

        /// <summary>W of each response.</summary>
        [ColumnName(TimerPoMappingColumns.TransportCosts)]
        public double[] TransportCosts { get; set; } = [];

        /// <summary>s of each response.</summary>
        [ColumnName(TimerPoMappingColumns.Similarities)]
        public double[] Similarities { get; set; } = [];
    }
}
