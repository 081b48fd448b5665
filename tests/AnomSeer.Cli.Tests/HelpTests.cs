namespace AnomSeer.Cli.Tests;

public class HelpTests
{
    [Theory]
    [InlineData("render", new[] { "--input", "--jsonl", "--id", "--out", "--width", "--height", "--auto-y", "--shade" })]
    [InlineData("expcot", new[] { "--jsonl", "--out", "--released-text" })]
    [InlineData("detect", new[] { "--input", "--expert", "--model", "--json", "--png" })]
    [InlineData("eval", new[] { "--jsonl", "--expert", "--model", "--out" })]
    public void Every_verb_has_help_listing_its_options(string verb, string[] options)
    {
        var (code, stdout, stderr) = CliRunner.Run(verb, "--help");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        foreach (var o in options) Assert.Contains(o, stdout);
        (code, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains(verb, stdout);
    }
}
