using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;

namespace AnomSeer.Policy.Tests;

public sealed class CheckpointTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("anomseer-ckpt-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Folder(string name = "ckpt") => Path.Combine(_dir.FullName, name);

    [Theory]
    [InlineData(InputModality.ImageAndSeries)]
    [InlineData(InputModality.Image)]
    public void SaveLoad_GivesIdenticalOutputs(InputModality modality)
    {
        using var model = TestModels.Model(modality, seed: 7);
        var input = TestModels.Input(3);
        var ids = model.EncodeResponse(input, TestModels.Response(8, 20));
        model.Save(Folder(), "# card\nTiny test model.");
        foreach (var f in new[] { PolicyCheckpoint.ConfigFile, PolicyCheckpoint.WeightsFile, PolicyCheckpoint.TokenizerFile, PolicyCheckpoint.CardFile })
            Assert.True(File.Exists(Path.Combine(Folder(), f)), f);
        using var loaded = TinyPolicyModel.Load(Folder());
        Assert.Equal(model.Config, loaded.Config);
        using var a = model.ScoreResponses([new ResponseItem(input, ids)], new ScoringOptions { ComputeEntropy = true, ReturnHiddenStates = true });
        using var b = loaded.ScoreResponses([new ResponseItem(input, ids)], new ScoringOptions { ComputeEntropy = true, ReturnHiddenStates = true });
        Assert.Equal(a.LogProbsOf(0), b.LogProbsOf(0));
        Assert.Equal(a.EntropyOf(0), b.EntropyOf(0));
        Assert.True(a.HiddenStates!.allclose(b.HiddenStates!, 0, 0));
        var opts = new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 12, Seed = 4 };
        Assert.Equal(model.Sample([input], opts).Select(s => s.TokenIds), loaded.Sample([input], opts).Select(s => s.TokenIds));
    }

    [Fact]
    public void TruncatedWeights_GiveClearError()
    {
        using var model = TestModels.Model();
        model.Save(Folder());
        var path = Path.Combine(Folder(), PolicyCheckpoint.WeightsFile);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        var e = Assert.Throws<PolicyCheckpointException>(() => PolicyCheckpoint.Load(Folder()));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(path, e.Path);
        File.WriteAllBytes(path, bytes[..5]);
        Assert.Contains("too short", Assert.Throws<PolicyCheckpointException>(() => PolicyCheckpoint.Load(Folder())).Message);
    }

    [Fact]
    public void MismatchedConfig_NamesTheTensor()
    {
        using var model = TestModels.Model();
        model.Save(Folder());
        var cfg = Path.Combine(Folder(), PolicyCheckpoint.ConfigFile);
        File.WriteAllText(cfg, File.ReadAllText(cfg).Replace("\"ffn_dim\": 64", "\"ffn_dim\": 96"));
        var e = Assert.Throws<PolicyCheckpointException>(() => PolicyCheckpoint.Load(Folder()));
        Assert.Contains("gate_proj.weight", e.Message);
        Assert.Contains("[64, 32]", e.Message);
    }

    [Fact]
    public void MissingOrCorruptFiles_GiveClearErrors()
    {
        using var model = TestModels.Model();
        model.Save(Folder());
        var tok = Path.Combine(Folder(), PolicyCheckpoint.TokenizerFile);
        var text = File.ReadAllText(tok);
        File.WriteAllText(tok, text.Replace("\"tokens\": [", "\"tokens\": [\"extra\","));
        Assert.Contains("expected '<pad>'", Assert.Throws<PolicyCheckpointException>(() => PolicyCheckpoint.Load(Folder())).Message);
        File.Delete(tok);
        var e = Assert.Throws<PolicyCheckpointException>(() => PolicyCheckpoint.Load(Folder()));
        Assert.Contains("missing", e.Message);
        Assert.Equal(tok, e.Path);
        File.WriteAllText(Path.Combine(Folder(), PolicyCheckpoint.ConfigFile), "{\"model_dim\": \"wide\"}");
        File.WriteAllText(tok, text);
        Assert.Contains("config.json", Assert.Throws<PolicyCheckpointException>(() => PolicyCheckpoint.Load(Folder())).Message);
        Assert.Throws<PolicyCheckpointException>(() => PolicyCheckpoint.Load(Folder("nowhere")));
    }

    [Fact]
    public void Save_ReplacesAtomically_LeavingNoStagingFolders()
    {
        using var a = TestModels.Model(seed: 1);
        using var b = TestModels.Model(seed: 2);
        a.Save(Folder());
        b.Save(Folder());
        Assert.Single(Directory.GetDirectories(_dir.FullName));
        Assert.False(File.Exists(Path.Combine(Folder(), PolicyCheckpoint.CardFile)));
        using var loaded = PolicyCheckpoint.Load(Folder());
        var input = TestModels.Input(1);
        var ids = b.EncodeResponse(input, TestModels.Response(1, 9));
        using var x = b.ScoreResponses([new ResponseItem(input, ids)]);
        using var y = loaded.ScoreResponses([new ResponseItem(input, ids)]);
        Assert.Equal(x.LogProbsOf(0), y.LogProbsOf(0));
    }
}
