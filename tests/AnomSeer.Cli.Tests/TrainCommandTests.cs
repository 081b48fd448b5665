using System.Text.Json;
using AnomSeer.Policy;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training;

namespace AnomSeer.Cli.Tests;

/// <summary>End-to-end runs of <c>train sft</c> and <c>train timerpo</c> on a tiny architecture (seconds each).</summary>
public class TrainCommandTests
{
    /// <summary>A tiny AnomSeer-Tiny: 1 + 1 layers of width 16, a 128 × 72 grey plot, 128 series tokens (a 1000-point series).</summary>
    private const string TinyConfig = """
        {
          "model_dim": 16, "heads": 2, "encoder_layers": 1, "decoder_layers": 1, "ffn_dim": 32,
          "image_channels": 1, "image_height": 72, "image_width": 128, "strip_width": 4,
          "series_patch_size": 8, "max_series_tokens": 128, "x_frequencies": 2
        }
        """;

    private static string WriteConfig(string folder)
    {
        string path = Path.Combine(folder, "tiny.json");
        File.WriteAllText(path, TinyConfig);
        return path;
    }

    private static string[] Sft(string config, string output, int steps, params string[] extra) =>
        ["train", "sft", "--config", config, "--out", output, "--steps", steps.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--batch-size", "2", "--count", "1", "--seed", "3", .. extra];

    private static float[][] Weights(IPolicyModel m) => m.TrainableParameters.Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    private static long StepsDone(string stateFile)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(stateFile));
        return doc.RootElement.GetProperty("steps_done").GetInt64();
    }

    [Fact]
    public void Sft_trains_a_new_model_and_writes_a_loadable_checkpoint_with_trainer_state()
    {
        using var tmp = new TempFolder();
        string output = Path.Combine(tmp.Path, "sft");
        var (code, stdout, stderr) = CliRunner.Run(Sft(WriteConfig(tmp.Path), output, 3, "--modality", "image-and-series", "--reasoning", "concise", "--answer-weight", "4"));
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Contains("Trained 3 step(s) from a new model on 8 examples (8 tasks × 1).", stdout);
        Assert.Contains($"step 3) to {output}", stdout);
        Assert.Contains("token loss", stdout);

        foreach (string f in new[] { PolicyCheckpoint.ConfigFile, PolicyCheckpoint.WeightsFile, PolicyCheckpoint.TokenizerFile, PolicyCheckpoint.CardFile })
            Assert.True(File.Exists(Path.Combine(output, f)), f);
        Assert.Equal(3, StepsDone(Path.Combine(output, "sft-trainer", SftTrainer.StateFile)));
        string card = File.ReadAllText(Path.Combine(output, PolicyCheckpoint.CardFile));
        Assert.Contains("anomseer train sft", card);
        Assert.Contains("reasoning concise", card);
        Assert.Contains("answer and class tokens × 4", card);
        Assert.Empty(Directory.GetDirectories(tmp.Path, ".*")); // no staging folder left

        using var trained = TinyPolicyModel.Load(output);
        Assert.Equal(16, trained.Config.ModelDim);
        Assert.Equal(128, trained.Config.ImageWidth);
        Assert.Equal(InputModality.ImageAndSeries, trained.Config.Modality);
        // The tokenizer was built from the SFT targets: the ExpCoT's words are whole tokens.
        Assert.True(trained.Tokenizer.Count > 100, $"vocabulary {trained.Tokenizer.Count}");
        // Training moved every weight away from the seeded initialisation.
        using var initial = new TinyPolicyModel(trained.Config, trained.Tokenizer, seed: 3);
        var (a, b) = (Weights(initial), Weights(trained));
        Assert.Equal(a.Length, b.Length);
        Assert.True(Enumerable.Range(0, a.Length).Count(i => !a[i].SequenceEqual(b[i])) > a.Length / 2);
    }

    [Fact]
    public void Sft_resumed_from_its_checkpoint_equals_the_uninterrupted_run()
    {
        using var tmp = new TempFolder();
        string config = WriteConfig(tmp.Path);
        string whole = Path.Combine(tmp.Path, "whole"), half = Path.Combine(tmp.Path, "half"), resumed = Path.Combine(tmp.Path, "resumed");
        Assert.Equal(0, CliRunner.Run(Sft(config, whole, 4)).Code);
        Assert.Equal(0, CliRunner.Run(Sft(config, half, 2, "--schedule-steps", "4")).Code);
        var (code, stdout, stderr) = CliRunner.Run("train", "sft", "--model", half, "--out", resumed, "--steps", "4", "--batch-size", "2", "--count", "1", "--seed", "3");
        Assert.True(code == 0, stderr);
        Assert.Contains($"Resumed from step 2 of {half}; trained 2 step(s) to step 4.", stdout);
        Assert.Equal(4, StepsDone(Path.Combine(resumed, "sft-trainer", SftTrainer.StateFile)));
        using var a = TinyPolicyModel.Load(whole);
        using var b = TinyPolicyModel.Load(resumed);
        var (wa, wb) = (Weights(a), Weights(b));
        for (int i = 0; i < wa.Length; i++) Assert.Equal(wa[i], wb[i]);

        // Resuming with another batch size is refused in one line.
        TestData.AssertOneErrorLine(1, CliRunner.Run("train", "sft", "--model", half, "--out", Path.Combine(tmp.Path, "x"), "--steps", "4", "--batch-size", "3", "--count", "1", "--seed", "3"), "batch size");
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "x")));
    }

    [Theory]
    [InlineData("TimerPO")]
    [InlineData("NoOrthogonalization")]
    [InlineData("OutcomeOnly")]
    [InlineData("GenericCoT")]
    public void Timerpo_trains_from_an_sft_checkpoint_in_every_mode(string mode)
    {
        using var tmp = new TempFolder();
        string sft = Path.Combine(tmp.Path, "sft");
        Assert.Equal(0, CliRunner.Run(Sft(WriteConfig(tmp.Path), sft, 1)).Code);
        string output = Path.Combine(tmp.Path, "rl");
        var (code, stdout, stderr) = CliRunner.Run("train", "timerpo", "--model", sft, "--out", output, "--mode", mode, "--steps", "2",
            "--count", "1", "--prompts-per-step", "2", "--responses", "2", "--max-tokens", "8", "--seed", "5");
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Contains($"Trained 2 {mode} step(s) from {sft} on 8 examples (8 tasks × 1), 2 prompts × 2 responses per step.", stdout);
        Assert.Contains("OT cost W", stdout);
        Assert.Contains($"Wrote the AnomSeer-Tiny checkpoint ({mode}, step 2) to {output}", stdout);

        string state = Path.Combine(output, "timerpo-trainer", TimerPoTrainer.StateFile);
        Assert.Equal(2, StepsDone(state));
        using (var doc = JsonDocument.Parse(File.ReadAllText(state)))
            Assert.Equal(mode, doc.RootElement.GetProperty("mode").GetString());
        Assert.Contains($"--mode {mode}", File.ReadAllText(Path.Combine(output, PolicyCheckpoint.CardFile)));
        using var before = TinyPolicyModel.Load(sft);
        using var after = TinyPolicyModel.Load(output);
        Assert.Equal(before.Tokenizer.Count, after.Tokenizer.Count);
        var (wa, wb) = (Weights(before), Weights(after));
        Assert.Contains(Enumerable.Range(0, wa.Length), i => !wa[i].SequenceEqual(wb[i]));
    }

    [Fact]
    public void Errors_are_one_line_with_the_right_exit_code()
    {
        using var tmp = new TempFolder();
        string config = WriteConfig(tmp.Path);
        string output = Path.Combine(tmp.Path, "out");
        TestData.AssertOneErrorLine(1, CliRunner.Run("train", "timerpo", "--model", Path.Combine(tmp.Path, "none"), "--out", output), "model folder not found");
        TestData.AssertOneErrorLine(1, CliRunner.Run("train", "sft", "--model", Path.Combine(tmp.Path, "none"), "--out", output), "model folder not found");
        TestData.AssertOneErrorLine(1, CliRunner.Run("train", "sft", "--config", Path.Combine(tmp.Path, "none.json"), "--out", output), "config file not found");
        string bad = Path.Combine(tmp.Path, "bad.json");
        File.WriteAllText(bad, "{ \"model_dimension\": 16 }");
        TestData.AssertOneErrorLine(1, CliRunner.Run("train", "sft", "--config", bad, "--out", output), "bad.json");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train", "timerpo", "--model", tmp.Path, "--out", output, "--mode", "Vanilla"), "Vanilla");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train", "sft", "--out", output, "--steps", "0"), "--steps must be at least 1");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train", "sft", "--out", output, "--modality", "audio"), "audio");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train", "sft", "--out", output, "--reasoning", "terse"), "terse");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train", "sft", "--out", output, "--answer-weight", "0"), "--answer-weight must be positive");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train", "sft", "--out", output, "--model", tmp.Path, "--config", config), "--config applies to a new model only");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train", "timerpo", "--out", output), "--model");
        TestData.AssertOneErrorLine(2, CliRunner.Run("train"), "anomseer: error: ");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Train_verbs_have_help_and_the_config_option_is_hidden()
    {
        var (code, stdout, stderr) = CliRunner.Run("train", "sft", "--help");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        foreach (var o in new[] { "--out", "--model", "--steps", "--batch-size", "--count", "--seed", "--modality", "--learning-rate", "--warmup", "--schedule-steps", "--reasoning", "--answer-weight" })
            Assert.Contains(o, stdout);
        Assert.DoesNotContain("--config", stdout);
        (code, stdout, _) = CliRunner.Run("train", "timerpo", "--help");
        Assert.Equal(0, code);
        foreach (var o in new[] { "--model", "--out", "--mode", "--steps", "--seed", "--count", "--prompts-per-step", "--responses", "--max-tokens", "--learning-rate" })
            Assert.Contains(o, stdout);
        (code, stdout, _) = CliRunner.Run("train", "--help");
        Assert.Equal(0, code);
        Assert.Contains("sft", stdout);
        Assert.Contains("timerpo", stdout);
    }
}
