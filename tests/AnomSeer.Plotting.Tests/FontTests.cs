using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AnomSeer.Plotting.Rendering;

namespace AnomSeer.Plotting.Tests;

/// <summary>The tick labels come from the embedded DejaVu Sans, never from the machine's fonts; a bad font is never silent.</summary>
public class FontTests
{
    [Fact]
    public void Embedded_font_is_the_committed_DejaVu_Sans_with_its_licence()
    {
        var asm = typeof(TimeSeriesPlotRenderer).Assembly;
        using var font = asm.GetManifestResourceStream(FontProvider.EmbeddedFontResource);
        Assert.NotNull(font);
        string committed = Path.Combine(RepoRoot(), "src", "AnomSeer.Plotting", "Fonts", "DejaVuSans.ttf");
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(committed)), SHA256.HashData(font!));
        using var licence = asm.GetManifestResourceStream(FontProvider.EmbeddedLicenceResource);
        Assert.NotNull(licence);
        Assert.Contains("Bitstream", new StreamReader(licence!).ReadToEnd());
        Assert.Equal("DejaVu Sans", new TimeSeriesPlotRenderer().FontFamily);
    }

    [Fact]
    public void Library_never_asks_for_system_fonts()
    {
        // Rendering with the embedded font only: no source file of the library may reach the platform font manager.
        var forbidden = new Regex(@"SKFontManager|FromFamilyName|SKTypeface\.Default|SKTypeface\.CreateDefault|MatchFamily|MatchCharacter");
        var files = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "AnomSeer.Plotting"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).ToList();
        Assert.NotEmpty(files);
        foreach (var f in files)
            Assert.False(forbidden.IsMatch(File.ReadAllText(f)), $"{f} uses the system font manager");
    }

    [Fact]
    public void Missing_font_file_fails_instead_of_drawing_no_text()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new TimeSeriesPlotRenderer(new PlotOptions { FontFile = "/nonexistent/font.ttf" }));
        Assert.Contains("FontFile", ex.Message);
    }

    [Fact]
    public void Unreadable_font_file_fails()
    {
        string path = Path.Combine(Path.GetTempPath(), $"notafont-{Guid.NewGuid():N}.ttf");
        File.WriteAllBytes(path, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        try
        {
            var ex = Assert.Throws<ArgumentException>(() => new TimeSeriesPlotRenderer(new PlotOptions { FontFile = path }));
            Assert.Equal("FontFile", ex.ParamName);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_font_file_copy_of_the_embedded_font_draws_the_same_image()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dejavu-{Guid.NewGuid():N}.ttf");
        File.Copy(Path.Combine(RepoRoot(), "src", "AnomSeer.Plotting", "Fonts", "DejaVuSans.ttf"), path);
        try
        {
            var values = TestSeries.Sine(1000);
            var a = new TimeSeriesPlotRenderer().Render(values).Rgba.ToArray();
            var b = new TimeSeriesPlotRenderer(new PlotOptions { FontFile = path }).Render(values).Rgba.ToArray();
            Assert.Equal(a, b);
        }
        finally { File.Delete(path); }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnomSeer.Lib.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (AnomSeer.Lib.sln) not found above the test folder.");
    }
}
