using AnomSeer.Policy.Tokenization;

namespace AnomSeer.Policy.Tests;

public class TokenizerTests
{
    [Fact]
    public void Build_IsDeterministic()
    {
        var a = PolicyTokenizerBuilder.Build(TestModels.Corpus).ToJson();
        var b = PolicyTokenizerBuilder.Build(TestModels.Corpus.Reverse()).ToJson();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Digits_AreSingleTokens_AndTagsAreSpecial()
    {
        var tok = TestModels.Tokenizer();
        var ids = tok.Encode("<answer>[[123, 45]]</answer>");
        Assert.Equal(tok.TagId("<answer>"), ids[0]);
        Assert.Equal(tok.TagId("</answer>"), ids[^1]);
        var digits = ids.Where(i => i >= tok.FirstDigitId && i < tok.FirstDigitId + 10).Select(i => i - tok.FirstDigitId).ToArray();
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, digits);
    }

    [Theory]
    [InlineData("The analysis of the series")]
    [InlineData("  double  spaces\tand\nnewlines ")]
    [InlineData("Savitzky–Golay z-score 3.5σ 日本 🎉 ü")]
    [InlineData("<think>a</think>\n<answer>[]</answer>\n<class>normal</class>")]
    [InlineData("<eos><off_3><0x41> <thin <answer")]
    [InlineData("")]
    public void EncodeDecode_RoundTrips(string text)
    {
        var tok = TestModels.Tokenizer();
        Assert.Equal(text, tok.Decode(tok.Encode(text)));
    }

    [Fact]
    public void UnknownWords_UseByteFallback_ControlAndOffsetNeverProduced()
    {
        var tok = TestModels.Tokenizer();
        var ids = tok.Encode("zyxwv <eos> <off_1>");
        Assert.Contains(ids, i => i >= tok.FirstByteId && i < tok.FirstByteId + 256);
        Assert.DoesNotContain(ids, i => i < 3 || tok.TryGetOffset(i, out _));
    }

    [Fact]
    public void Decode_NeverThrows()
    {
        var tok = TestModels.Tokenizer();
        Assert.Equal("", tok.Decode(null));
        Assert.Equal("", tok.Decode([-5, 1_000_000, 0, 1, 2]));
        Assert.Equal("\uFFFD", tok.Decode([tok.FirstByteId + 0xE6]));
        Assert.Empty(tok.Encode(null));
    }

    [Fact]
    public void SaveLoad_RoundTrips_AndCorruptFilesGiveClearErrors()
    {
        var dir = Directory.CreateTempSubdirectory("anomseer-tok-");
        try
        {
            var tok = TestModels.Tokenizer();
            var path = Path.Combine(dir.FullName, "tokenizer.json");
            tok.Save(path);
            var back = PolicyTokenizer.Load(path);
            Assert.Equal(tok.Tokens, back.Tokens);
            Assert.Equal(tok.OffsetTokenCount, back.OffsetTokenCount);

            File.WriteAllText(path, "{ not json");
            Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => PolicyTokenizer.Load(path)).Message);
            File.WriteAllText(path, tok.ToJson().Replace("\"<bos>\"", "\"<xyz>\""));
            Assert.Contains("expected '<bos>'", Assert.Throws<InvalidDataException>(() => PolicyTokenizer.Load(path)).Message);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Options_AreValidated()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PolicyTokenizerBuilder.Build([], new PolicyTokenizerOptions { MinFrequency = 0 }));
        Assert.Equal("MinFrequency", e.ParamName);
    }
}
