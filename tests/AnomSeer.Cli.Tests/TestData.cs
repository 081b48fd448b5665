using System.Buffers.Binary;
using System.Globalization;
using AnomSeer.Data.IO;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;

namespace AnomSeer.Cli.Tests;

/// <summary>Small inputs for the verb tests.</summary>
internal static class TestData
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>One AnomLLM eval series per task (8 samples, length 1000).</summary>
    public static List<TsadSample> AnomLlmSamples() => SyntheticDatasets.AnomLlm(DatasetSplit.Eval, 1, 42).ToList();

    public static string WriteJsonl(string folder, IEnumerable<TsadSample> samples, string name = "data.jsonl")
    {
        string path = Path.Combine(folder, name);
        TsadJsonl.WriteAll(path, samples);
        return path;
    }

    /// <summary>A sine of 400 points with a spike of height 5 at [200, 205); header <c>value</c> (and <c>label</c>).</summary>
    public static (string Path, double[] Values) WriteSpikeCsv(string folder, bool withLabels = false)
    {
        var values = new double[400];
        for (int i = 0; i < values.Length; i++) values[i] = Math.Sin(2 * Math.PI * i / 50.0) * 0.3;
        for (int i = 200; i < 205; i++) values[i] = 5;
        string path = Path.Combine(folder, "spike.csv");
        using var w = new StreamWriter(path);
        w.WriteLine(withLabels ? "value,label" : "value");
        for (int i = 0; i < values.Length; i++)
            w.WriteLine(withLabels
                ? values[i].ToString("R", CultureInfo.InvariantCulture) + "," + (i is >= 200 and < 205 ? "1" : "0")
                : values[i].ToString("R", CultureInfo.InvariantCulture));
        return (path, values);
    }

    /// <summary>A CSV whose third line is not a number.</summary>
    public static string WriteMalformedCsv(string folder)
    {
        string path = Path.Combine(folder, "bad.csv");
        File.WriteAllText(path, "value\n0.5\nabc\n0.7\n");
        return path;
    }

    /// <summary>Checks the PNG signature and returns the IHDR width and height.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24);
        Assert.Equal(PngSignature, png[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Asserts one error line naming <paramref name="mention"/>, and the exit code.</summary>
    public static void AssertOneErrorLine(int expectedCode, (int Code, string Out, string Err) result, string mention)
    {
        Assert.Equal(expectedCode, result.Code);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("anomseer: error: ", line);
        Assert.Contains(mention, line);
    }
}
