using AnomSeer.Prompts;

namespace AnomSeer.Core.Tests;

public class PromptTests
{
    // The text of method spec b.1, written out independently of the template.
    private const string Expected1000 = """
        <image>
        You are a time series analysis expert. A time series plot of length 1000 is provided. Identify anomalous intervals along the x-axis and infer the most plausible anomaly type from ["contextual point", "global point", "seasonal", "trend", "shapelet"].

        Begin detailed reasoning inside <think>...</think>.
        Then output:
        <answer>[[start, end], ...]</answer>
        <class>one of {contextual point, global point, seasonal, trend, shapelet, normal}</class>
        If no anomalies, return <answer>[]</answer> and <class>normal</class>.
        """;

    [Fact]
    public void Prompt_is_byte_exact() => Assert.Equal(Expected1000.ReplaceLineEndings("\n"), AnomSeerPrompt.Build(1000));

    [Fact]
    public void Prompt_uses_length() => Assert.Contains("plot of length 400 is provided", AnomSeerPrompt.Build(400));

    [Fact]
    public void Prompt_rejects_bad_length() => Assert.Throws<ArgumentOutOfRangeException>(() => AnomSeerPrompt.Build(0));

    [Fact]
    public void Chat_has_one_user_message()
    {
        var chat = AnomSeerPrompt.BuildChat(10);
        Assert.Single(chat);
        Assert.Equal("user", chat[0].Key);
    }
}
