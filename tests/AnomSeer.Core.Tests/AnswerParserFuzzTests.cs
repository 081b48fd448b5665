using System.Text;
using AnomSeer.Answers;

namespace AnomSeer.Core.Tests;

public class AnswerParserFuzzTests
{
    private static readonly string[] Fragments =
    [
        "<think>", "</think>", "<answer>", "</answer>", "<class>", "</class>", "[", "]", "(", ")", "{", "}",
        ",", ":", "'", "\"", "\\", "\\u12", "start", "end", "array(", "NaN", "-inf", "1e999", "-", ".", "_",
        "None", "True", "0", "42", "3.5", "99999999999999999999", " ", "\n", "é", "\uD800", "<", ">", "/",
        "contextual", "global", "trend", "[]", "none",
    ];

    [Fact]
    public void Hundred_thousand_random_and_mutated_strings_never_throw()
    {
        var rng = new Random(12345);
        string valid = AnswerFormatter.Format("the series shows a spike", [new AnomalyInterval(10, 20), new AnomalyInterval(400, 410)], AnomalyClass.GlobalPoint);
        int parsedSome = 0;
        for (int n = 0; n < 100_000; n++)
        {
            string s = (n % 3) switch
            {
                0 => RandomChars(rng),
                1 => RandomFragments(rng),
                _ => Mutate(valid, rng),
            };
            var p = AnswerParser.Parse(s);
            Assert.NotNull(p);
            if (p.Intervals is { Count: > 0 }) parsedSome++;
            if (p.Intervals is not null)
                Assert.All(p.Intervals, i => Assert.True(i.Start >= 0 && i.End > i.Start && i.End <= AnswerParser.MaxIndex));
        }
        // The mutated well-formed answers must still parse often: the generator is not trivially hostile.
        Assert.True(parsedSome > 5_000, $"only {parsedSome} parsed");
    }

    private static string RandomChars(Random rng)
    {
        var sb = new StringBuilder();
        int len = rng.Next(0, 200);
        for (int i = 0; i < len; i++) sb.Append((char)rng.Next(0, 0x3000));
        return sb.ToString();
    }

    private static string RandomFragments(Random rng)
    {
        var sb = new StringBuilder();
        int len = rng.Next(0, 60);
        for (int i = 0; i < len; i++) sb.Append(Fragments[rng.Next(Fragments.Length)]);
        return sb.ToString();
    }

    private static string Mutate(string s, Random rng)
    {
        var sb = new StringBuilder(s);
        int edits = rng.Next(1, 6);
        for (int e = 0; e < edits; e++)
        {
            int pos = rng.Next(sb.Length + 1);
            switch (rng.Next(3))
            {
                case 0 when sb.Length > 0 && pos < sb.Length:
                    sb.Remove(pos, 1);
                    break;
                case 1:
                    sb.Insert(pos, Fragments[rng.Next(Fragments.Length)]);
                    break;
                default:
                    if (pos < sb.Length) sb[pos] = (char)rng.Next(32, 127);
                    break;
            }
        }
        return sb.ToString();
    }
}
