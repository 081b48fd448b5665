using AnomSeer.Answers;

namespace AnomSeer.Policy.Tests;

public class PositionCodecTests
{
    [Fact]
    public void AnswerNumbers_BecomePointerAndOffset_AndDecodeBack()
    {
        using var model = TestModels.Model();
        var input = TestModels.Input(1, 64);
        int v = model.Config.VocabSize;
        var text = AnswerFormatter.Format("Values near 23 are high.", [new AnomalyInterval(23, 41), new AnomalyInterval(60, 64)], AnomalyClass.GlobalPoint);
        var ids = model.EncodeResponse(input, text);
        Assert.Equal(model.EndOfSequenceId, ids[^1]);
        // 23 = patch 2 (base 16) + offset 7; 41 = patch 5 (base 40) + 1; 60 = patch 7 (56) + 4; 64 = patch 7 + 8 (exclusive end).
        var pointers = ids.Select((id, i) => (id, i)).Where(x => x.id >= v).ToArray();
        Assert.Equal(new[] { v + 2, v + 5, v + 7, v + 7 }, pointers.Select(p => p.id));
        var offsets = pointers.Select(p => model.Tokenizer.TryGetOffset(ids[p.i + 1], out int o) ? o : -1);
        Assert.Equal(new[] { 7, 1, 4, 8 }, offsets);
        // The 23 in the reasoning stays digits.
        Assert.Contains(model.Tokenizer.FirstDigitId + 2, ids.Take(pointers[0].i));
        Assert.Equal(text, model.DecodeResponse(input, ids.Take(ids.Count - 1).ToArray()));
    }

    [Fact]
    public void NumbersNoTargetCanExpress_FallBackToDigits()
    {
        using var model = TestModels.Model();
        var input = TestModels.Input(1, 64);
        var text = "<answer>[[100, 2000000]]</answer>";
        var ids = model.EncodeResponse(input, text, appendEndOfSequence: false);
        Assert.DoesNotContain(ids, id => id >= model.Config.VocabSize);
        Assert.Equal(text, model.DecodeResponse(input, ids));
    }

    [Fact]
    public void ImageModality_PointsAtStrips()
    {
        using var model = TestModels.Model(InputModality.Image);
        var input = TestModels.Input(1, 56);
        var ranges = model.PointerTargetRanges(input);
        Assert.Equal(model.Config.VisionTokens, ranges.Count);
        Assert.Equal(0, ranges[0].Start);
        Assert.Equal(56, ranges[^1].End, 9);
        var text = "<answer>[[13, 50]]</answer>";
        var ids = model.EncodeResponse(input, text, false);
        Assert.Equal(2, ids.Count(id => id >= model.Config.VocabSize));
        Assert.Equal(text, model.DecodeResponse(input, ids));
    }

    [Fact]
    public void Decode_IgnoresStrayTokens()
    {
        using var model = TestModels.Model();
        var input = TestModels.Input(1);
        int v = model.Config.VocabSize;
        // A pointer without offset reads its base; an offset without pointer and an out-of-range pointer read as nothing.
        var s = model.DecodeResponse(input, [v + 3, model.Tokenizer.FirstOffsetId + 2, v + 15, 999_999]);
        Assert.Equal("26", s);
    }
}
