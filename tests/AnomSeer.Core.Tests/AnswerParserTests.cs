using AnomSeer.Answers;

namespace AnomSeer.Core.Tests;

/// <summary>One test per rule of method spec b.2 "Parsing".</summary>
public class AnswerParserTests
{
    private static AnomalyInterval I(int s, int e) => new(s, e);

    [Fact]
    public void Well_formed_answer_parses_fully()
    {
        var p = AnswerParser.Parse("<think>a spike</think>\n<answer>[[3, 5], [10, 20]]</answer>\n<class>global point</class>");
        Assert.Equal([I(3, 5), I(10, 20)], p.Intervals);
        Assert.Equal(AnomalyClass.GlobalPoint, p.Class);
        Assert.True(p.FormatOk);
        Assert.Equal("a spike", p.Reasoning);
    }

    [Fact]
    public void Last_answer_block_wins()
    {
        var p = AnswerParser.Parse("<think>x</think><answer>[[1, 2]]</answer> no wait <answer>[[7, 9]]</answer><class>trend</class>");
        Assert.Equal([I(7, 9)], p.Intervals);
    }

    [Fact]
    public void Tags_match_case_insensitively_and_across_lines()
    {
        var p = AnswerParser.Parse("<THINK>x\ny</THINK><Answer>\n[[1,\n 4]]\n</ANSWER><CLASS>Trend</CLASS>");
        Assert.Equal([I(1, 4)], p.Intervals);
        Assert.Equal(AnomalyClass.Trend, p.Class);
        Assert.True(p.FormatOk);
    }

    [Fact]
    public void Missing_answer_tag_is_wrong_with_format_zero()
    {
        var p = AnswerParser.Parse("<think>x</think><class>trend</class> [[1, 2]]");
        Assert.Null(p.Intervals);
        Assert.False(p.FormatOk);
        Assert.Equal(AnomalyClass.Trend, p.Class);
    }

    [Fact]
    public void Unclosed_answer_tag_is_missing()
    {
        var p = AnswerParser.Parse("<think>x</think><answer>[[1, 2]]<class>trend</class>");
        Assert.Null(p.Intervals);
        Assert.False(p.FormatOk);
    }

    [Fact]
    public void Missing_think_block_sets_format_zero_but_keeps_intervals()
    {
        var p = AnswerParser.Parse("<answer>[[1, 2]]</answer><class>trend</class>");
        Assert.Equal([I(1, 2)], p.Intervals);
        Assert.False(p.FormatOk);
        var unclosed = AnswerParser.Parse("<think>x<answer>[[1, 2]]</answer><class>trend</class>");
        Assert.False(unclosed.FormatOk);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("none")]
    [InlineData(" None ")]
    public void Empty_or_none_content_is_wrong_with_format_zero(string content)
    {
        var p = AnswerParser.Parse($"<think>x</think><answer>{content}</answer><class>normal</class>");
        Assert.Null(p.Intervals);
        Assert.False(p.FormatOk);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(" [] ")]
    [InlineData("array([])")]
    public void Empty_list_means_no_anomaly(string content)
    {
        var p = AnswerParser.Parse($"<think>x</think><answer>{content}</answer><class>normal</class>");
        Assert.NotNull(p.Intervals);
        Assert.Empty(p.Intervals);
        Assert.True(p.FormatOk);
        Assert.Equal(AnomalyClass.Normal, p.Class);
    }

    [Theory]
    [InlineData("[[1, 5], [8, 9]]")]
    [InlineData("[{\"start\": 1, \"end\": 5}, {\"start\": 8, \"end\": 9}]")]
    [InlineData("[{'start': 1, 'end': 5}, {'end': 9, 'start': 8}]")]
    [InlineData("[(1, 5), (8, 9)]")]
    [InlineData("((1, 5), (8, 9))")]
    [InlineData("[[1, 5], [8, 9],]")]
    [InlineData("[array([1, 5]), array([8, 9])]")]
    [InlineData("[[1.0, 5.9], [8.2, 9.99]]")]
    [InlineData("[[\"1\", \"5\"], [8, 9]]")]
    public void Json_and_python_literal_lists_of_pairs_and_dicts_parse(string content)
    {
        var p = AnswerParser.Parse($"<think>x</think><answer>{content}</answer><class>trend</class>");
        Assert.Equal([I(1, 5), I(8, 9)], p.Intervals);
    }

    [Fact]
    public void Float_bounds_truncate_toward_zero_like_python_int()
    {
        var p = AnswerParser.Parse("<think>x</think><answer>[[2.9, 7.1], [-0.5, 3]]</answer><class>trend</class>");
        // -0.5 truncates to 0, which is a valid start.
        Assert.Equal([I(2, 7), I(0, 3)], p.Intervals);
    }

    [Theory]
    [InlineData("[[-1, 5], [8, 9]]")]
    [InlineData("[[5, 5], [8, 9]]")]
    [InlineData("[[6, 5], [8, 9]]")]
    [InlineData("[[1, 2, 3], [8, 9]]")]
    [InlineData("[[NaN, 5], [8, 9]]")]
    [InlineData("[[1, Infinity], [8, 9]]")]
    [InlineData("[[1, -inf], [8, 9]]")]
    [InlineData("[{'start': 1}, [8, 9]]")]
    [InlineData("[7, [8, 9]]")]
    [InlineData("[['a', 'b'], [8, 9]]")]
    [InlineData("[[None, 3], [8, 9]]")]
    public void Invalid_pairs_are_dropped(string content)
    {
        var p = AnswerParser.Parse($"<think>x</think><answer>{content}</answer><class>trend</class>");
        Assert.Equal([I(8, 9)], p.Intervals);
        Assert.True(p.FormatOk);
    }

    [Fact]
    public void End_is_clipped_to_max_len()
    {
        var p = AnswerParser.Parse("<think>x</think><answer>[[100, 999999999999]]</answer><class>trend</class>");
        Assert.Equal([I(100, AnswerParser.MaxIndex)], p.Intervals);
        Assert.Equal(230400, AnswerParser.MaxIndex);
    }

    [Theory]
    [InlineData("[[5, 1]]")]
    [InlineData("[1, 2]")]
    [InlineData("[[1, 2]")]
    [InlineData("1, 2")]
    [InlineData("{'start': 1, 'end': 2}")]
    [InlineData("the anomaly is at 300")]
    [InlineData("[[1, 2]] extra")]
    public void No_surviving_pair_is_wrong_but_keeps_format(string content)
    {
        var p = AnswerParser.Parse($"<think>x</think><answer>{content}</answer><class>trend</class>");
        Assert.Null(p.Intervals);
        Assert.True(p.FormatOk);
    }

    [Fact]
    public void Missing_class_tag_sets_format_zero()
    {
        var p = AnswerParser.Parse("<think>x</think><answer>[[1, 2]]</answer>");
        Assert.Null(p.Class);
        Assert.False(p.FormatOk);
        Assert.Equal([I(1, 2)], p.Intervals);
    }

    [Theory]
    [InlineData("[\"seasonal\", \"trend\"]", AnomalyClass.Seasonal)]
    [InlineData("{\"prediction\": \"shapelet\"}", AnomalyClass.Shapelet)]
    [InlineData("{'class': 'trend'}", AnomalyClass.Trend)]
    [InlineData("{\"label\": \"global\"}", AnomalyClass.GlobalPoint)]
    [InlineData("{\"type\": \"Contextual  Point\"}", AnomalyClass.ContextualPoint)]
    [InlineData("\"seasonal\"", AnomalyClass.Seasonal)]
    [InlineData("  CONTEXTUAL ", AnomalyClass.ContextualPoint)]
    [InlineData("global\n point", AnomalyClass.GlobalPoint)]
    public void Class_content_forms_and_normalisation(string content, AnomalyClass expected)
    {
        var p = AnswerParser.Parse($"<think>x</think><answer>[]</answer><class>{content}</class>");
        Assert.Equal(expected, p.Class);
    }

    [Theory]
    [InlineData("spike")]
    [InlineData("point")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"other\": \"trend\"}")]
    public void Unknown_class_is_empty_but_tag_counts_for_format(string content)
    {
        var p = AnswerParser.Parse($"<think>x</think><answer>[]</answer><class>{content}</class>");
        Assert.Null(p.Class);
        Assert.True(p.FormatOk);
    }

    [Fact]
    public void First_class_block_is_used()
    {
        var p = AnswerParser.Parse("<think>x</think><answer>[]</answer><class>trend</class><class>seasonal</class>");
        Assert.Equal(AnomalyClass.Trend, p.Class);
    }

    [Fact]
    public void Null_and_garbage_never_throw()
    {
        Assert.Null(AnswerParser.Parse(null).Intervals);
        Assert.False(AnswerParser.Parse(new string('[', 100_000)).FormatOk);
        var deep = "<think>x</think><answer>" + new string('[', 50_000) + new string(']', 50_000) + "</answer><class>x</class>";
        Assert.Null(AnswerParser.Parse(deep).Intervals);
    }

    [Fact]
    public void Formatter_output_round_trips()
    {
        var text = AnswerFormatter.Format("reasoning", [I(3, 5), I(10, 20)], AnomalyClass.ContextualPoint);
        Assert.Equal("<think>reasoning</think>\n<answer>[[3, 5], [10, 20]]</answer>\n<class>contextual point</class>", text);
        var p = AnswerParser.Parse(text);
        Assert.Equal([I(3, 5), I(10, 20)], p.Intervals);
        Assert.Equal(AnomalyClass.ContextualPoint, p.Class);
        Assert.True(p.FormatOk);
        Assert.Equal("<think>r</think>\n<answer>[]</answer>\n<class>normal</class>", AnswerFormatter.Format("r", [], AnomalyClass.Normal));
        Assert.Throws<ArgumentException>(() => AnswerFormatter.Format("a</think>b", [], AnomalyClass.Normal));
    }
}
