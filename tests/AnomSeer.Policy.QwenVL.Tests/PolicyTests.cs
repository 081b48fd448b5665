using AnomSeer.Policy.QwenVL.Lora;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>The IPolicyModel implementation on a tiny random configuration.</summary>
public class PolicyTests
{
    [Fact]
    public void Sample_IsSeeded_AndItsLogProbsEqualTeacherForcedScores()
    {
        using var policy = TinyPolicy.Create();
        var inputs = new[] { TinyPolicy.Input(1), TinyPolicy.Input(2, "Short.") };
        var options = new SamplingOptions { ResponsesPerPrompt = 3, MaxNewTokens = 8, Seed = 4 };
        var a = policy.Sample(inputs, options);
        var b = policy.Sample(inputs, options);
        Assert.Equal(6, a.Count);
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 1 }, a.Select(r => r.PromptIndex));
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].TokenIds, b[i].TokenIds);
            Assert.Equal(a[i].TokenIds.Count, a[i].LogProbs.Count);
            // Cached sampling and a full teacher-forced pass give the same per-token log-probabilities.
            var scored = TinyPolicy.Score(policy, inputs[a[i].PromptIndex], a[i].TokenIds);
            for (int t = 0; t < scored.Length; t++) Assert.True(Math.Abs(scored[t] - a[i].LogProbs[t]) <= 1e-4, $"response {i} token {t}: {scored[t]} vs {a[i].LogProbs[t]}");
        }
        Assert.Contains(a, r => !r.TokenIds.SequenceEqual(a[0].TokenIds));
    }

    [Fact]
    public void ScoreResponses_Batched_EqualsOneByOne_AndReturnsEntropyAndHiddenStates()
    {
        using var policy = TinyPolicy.Create(2);
        var i1 = TinyPolicy.Input(3);
        var i2 = TinyPolicy.Input(4, "A much longer prompt so that the rows have different lengths.");
        var r1 = policy.EncodeResponse(i1, "Hello world");
        var r2 = policy.EncodeResponse(i2, "1"); // 2 tokens; r1 has 3
        using var scores = policy.ScoreResponses([new ResponseItem(i1, r1), new ResponseItem(i2, r2)],
            new ScoringOptions { ComputeEntropy = true, ReturnHiddenStates = true });
        Assert.Equal([2, r1.Count, 64], scores.HiddenStates!.shape);
        var alone1 = TinyPolicy.Score(policy, i1, r1);
        var alone2 = TinyPolicy.Score(policy, i2, r2);
        Assert.Equal(alone1.Length, scores.LogProbsOf(0).Length);
        for (int t = 0; t < alone1.Length; t++) Assert.True(Math.Abs(alone1[t] - scores.LogProbsOf(0)[t]) <= 1e-4);
        for (int t = 0; t < alone2.Length; t++) Assert.True(Math.Abs(alone2[t] - scores.LogProbsOf(1)[t]) <= 1e-4);
        Assert.All(scores.EntropyOf(1), e => Assert.InRange(e, 0, Math.Log(320) + 1e-4));
        Assert.Equal(0f, scores.HiddenStates![1, r1.Count - 1].abs().sum().item<float>()); // padding row part zeroed
    }

    [Fact]
    public void TextHiddenStates_AreTruncatedAndPaddingInvariant()
    {
        using var policy = TinyPolicy.Create(3);
        using var both = policy.TextHiddenStates(["Hello world", "Hello world, and more text here"], maxLength: 20);
        using var alone = policy.TextHiddenStates(["Hello world"]);
        Assert.Equal(20, both.States.shape[1]);
        var a = both.RowOf(0);
        var b = alone.RowOf(0);
        Assert.Equal(b.GetLength(0), a.GetLength(0));
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) Assert.True(Math.Abs(a[i, j] - b[i, j]) <= 1e-5);
    }

    [Fact]
    public void EncodeDecode_RoundTrip_EndsWithImEnd()
    {
        using var policy = TinyPolicy.Create();
        var input = TinyPolicy.Input(1);
        var ids = policy.EncodeResponse(input, "<think>x</think>\n<answer>[[3, 9]]</answer>");
        Assert.Equal(302, ids[^1]);
        Assert.Equal(302, policy.EndOfSequenceId);
        Assert.Equal("<think>x</think>\n<answer>[[3, 9]]</answer>", policy.DecodeResponse(input, ids));
    }

    [Fact]
    public void Lora_FreezesTheBase_StartsAsANoOp_AndTheReferenceViewHasNoAdapters()
    {
        using var policy = TinyPolicy.Create(5);
        var input = TinyPolicy.Input(1);
        var response = policy.EncodeResponse(input, "Hello");
        var before = TinyPolicy.Score(policy, input, response);
        policy.EnableLora(new QwenVLLoraOptions { Rank = 2, Alpha = 4, Dropout = 0 });
        Assert.Equal(2 * 7 * 2, policy.TrainableParameters.Count); // 2 layers × 7 projections × (A, B)
        Assert.All(policy.NamedParameters, p => Assert.Equal(p.Name.Contains(".lora_"), p.Parameter.requires_grad));
        Assert.Equal(before, TinyPolicy.Score(policy, input, response));
        using (no_grad())
            foreach (var p in policy.TrainableParameters) p.add_(0.05);
        var adapted = TinyPolicy.Score(policy, input, response);
        Assert.NotEqual(before, adapted);
        using var reference = policy.AsFrozenReference();
        Assert.Empty(reference.TrainableParameters);
        Assert.Equal(before, TinyPolicy.Score(reference, input, response));
        Assert.Equal(adapted, TinyPolicy.Score(policy, input, response));
    }

    [Fact]
    public void Adapters_SaveAndLoad_AsPeftSafetensors()
    {
        string dir = TinyPolicy.TempDir();
        try
        {
            using var policy = TinyPolicy.Create(6);
            policy.EnableLora(new QwenVLLoraOptions { Rank = 3, Alpha = 6, Dropout = 0, TargetModules = ["q_proj", "down_proj"] });
            using (no_grad())
                foreach (var p in policy.TrainableParameters) p.normal_(0, 0.1);
            policy.SaveAdapters(dir);
            var entries = AnomSeer.Policy.Checkpoints.SafetensorsHeader.Read(Path.Combine(dir, QwenVLPolicy.AdapterWeightsFile));
            Assert.Contains(entries, e => e.Name == "base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight" && e.Shape.SequenceEqual(new long[] { 3, 64 }));
            Assert.Contains(entries, e => e.Name == "base_model.model.model.layers.0.mlp.down_proj.lora_B.weight" && e.Shape.SequenceEqual(new long[] { 64, 3 }));
            Assert.Equal(8, entries.Count);
            using var other = TinyPolicy.Create(6);
            other.LoadAdapters(dir);
            var input = TinyPolicy.Input(2);
            var response = policy.EncodeResponse(input, "Hello world");
            Assert.Equal(TinyPolicy.Score(policy, input, response), TinyPolicy.Score(other, input, response));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void AGeneratedImagePadId_IsAnOrdinaryTokenOfTheResponse()
    {
        using var policy = TinyPolicy.Create(7);
        var input = TinyPolicy.Input(1);
        var withPad = new[] { 10, 306, 306, 302 };
        var scored = TinyPolicy.Score(policy, input, withPad);
        Assert.Equal(4, scored.Length);
        Assert.All(scored, v => Assert.True(float.IsFinite(v) && v <= 0));
        // The prefix before the image-pad ids scores as without them (causal), so the image was not shifted.
        Assert.Equal(TinyPolicy.Score(policy, input, [10])[0], scored[0], 5);
    }

    [Fact]
    public void Sample_WithoutTheCache_GivesTheSameTokensAndLogProbs()
    {
        using var policy = TinyPolicy.Create(9);
        var inputs = new[] { TinyPolicy.Input(3) };
        var cached = policy.Sample(inputs, new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 6, Seed = 1 });
        var uncached = policy.Sample(inputs, new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 6, Seed = 1, UseKeyValueCache = false });
        for (int i = 0; i < cached.Count; i++)
        {
            Assert.Equal(cached[i].TokenIds, uncached[i].TokenIds);
            for (int t = 0; t < cached[i].LogProbs.Count; t++) Assert.True(Math.Abs(cached[i].LogProbs[t] - uncached[i].LogProbs[t]) <= 1e-4);
        }
    }
}
