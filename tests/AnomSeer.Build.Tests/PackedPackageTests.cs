using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Plotting;

namespace AnomSeer.Build.Tests;

/// <summary>
/// The <c>dotnet add package AnomSeer.*</c> experience: packs AnomSeer.Core, AnomSeer.Plotting and AnomSeer.ExpCoT (and
/// the projects they reference) with <c>dotnet pack -c Release</c> from a copy of their sources, creates a fresh console
/// project, adds the three packages from the local feed with <c>dotnet add package</c>, and runs a small detection
/// (render the plot of a series with a spike, run the expert detector, print the intervals). Takes one to three minutes.
/// </summary>
/// <remarks>
/// The sources are copied to a temporary folder so that the pack neither races with nor rewrites the repository's own
/// build outputs. Restores use a <c>NUGET_PACKAGES</c> folder inside the temporary folder: packed at the repository's
/// version, a package of the same id and version already in the machine's global packages folder (an earlier build of
/// the code) would otherwise be used instead of the one just packed. Third-party packages come from the machine's global
/// packages folder as a fallback folder (unless it holds an AnomSeer package of this version), else from the registry the
/// repository restores from.
/// </remarks>
[Trait("Category", "PackedPackages")]
public class PackedPackageTests
{
    private static readonly string[] Packages = ["AnomSeer.Core", "AnomSeer.Plotting", "AnomSeer.ExpCoT"];
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    private const string ConsumerProgram = """
        using AnomSeer;
        using AnomSeer.ExpCoT.Detection;
        using AnomSeer.Plotting;

        var values = new double[1000];
        for (int t = 0; t < values.Length; t++) values[t] = 0.3 * Math.Sin(2 * Math.PI * t / 40);
        values[600] = 3; // a spike
        var series = new TimeSeries(values, name: "packed");

        byte[] png = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).RenderPng(values);
        File.WriteAllBytes("plot.png", png);
        Console.WriteLine($"plot: {png.Length} PNG bytes");

        var detection = new ExpertDetector().Detect(series);
        Console.WriteLine($"class: {detection.Class.ToCanonicalName()}");
        foreach (var interval in detection.Intervals) Console.WriteLine($"interval: {interval.Start} {interval.End}");
        """;

    [Fact]
    public void Packed_packages_install_with_dotnet_add_package_and_detect_a_spike()
    {
        string repo = RepoRoot();
        string version = Regex.Match(File.ReadAllText(Path.Combine(repo, "Directory.Build.props")), @"<Version>([^<]+)</Version>").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(version), "Directory.Build.props names no <Version>.");
        string tmp = Path.Combine(Path.GetTempPath(), "anomseer-packed-" + Guid.NewGuid().ToString("N"));
        string sources = Path.Combine(tmp, "repo");
        string feed = Path.Combine(tmp, "feed");
        string app = Path.Combine(tmp, "app");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(tmp, "packages") };
        try
        {
            // 1. The three projects, what they reference, and the repository-wide build files.
            var projects = ProjectClosure(repo, Packages);
            foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nuget.config" })
                if (File.Exists(Path.Combine(repo, file))) CopyFile(Path.Combine(repo, file), Path.Combine(sources, file));
            foreach (string p in projects) CopyTree(Path.Combine(repo, "src", p), Path.Combine(sources, "src", p));

            // 2. dotnet pack -c Release, into the local feed.
            Dotnet(sources, env, "new", "sln", "--format", "sln", "-n", "packed");
            Dotnet(sources, env, ["sln", "packed.sln", "add", .. projects.Select(p => Path.Combine("src", p, p + ".csproj"))]);
            Dotnet(sources, env, "pack", "packed.sln", "-c", "Release", "-o", feed, "--disable-build-servers");
            foreach (string id in projects) AssertPackage(feed, id, version);

            // 3. A fresh console project whose sources are the local feed and the repository's registry.
            Dotnet(tmp, env, "new", "console", "-o", app, "-n", "PackedApp", "--framework", "net10.0");
            // Stop MSBuild's and NuGet's upward search at the app folder (the temporary folder may lie under anything).
            File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig(repo, feed, version));
            foreach (string id in Packages) Dotnet(app, env, "add", "package", id, "--version", version);
            var references = XDocument.Load(Path.Combine(app, "PackedApp.csproj")).Descendants("PackageReference")
                .ToDictionary(e => (string)e.Attribute("Include")!, e => (string?)e.Attribute("Version"));
            foreach (string id in Packages) Assert.Equal(version, references[id]);

            // 4. A small detection with the packages, run.
            File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
            Dotnet(app, env, "build", "-c", "Release", "--disable-build-servers");
            var run = Dotnet(app, env, Path.Combine("bin", "Release", "net10.0", "PackedApp.dll"));

            // The packaged code answers exactly as the code in this repository does.
            var values = new double[1000];
            for (int t = 0; t < values.Length; t++) values[t] = 0.3 * Math.Sin(2 * Math.PI * t / 40);
            values[600] = 3;
            var expected = new ExpertDetector().Detect(new TimeSeries(values));
            Assert.Contains(expected.Intervals, iv => iv.Contains(600));
            var lines = run.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(expected.Intervals.Select(iv => $"interval: {iv.Start} {iv.End}"), lines.Where(l => l.StartsWith("interval: ", StringComparison.Ordinal)));
            Assert.Contains($"class: {expected.Class.ToCanonicalName()}", lines);
            byte[] png = File.ReadAllBytes(Path.Combine(app, "plot.png"));
            Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(150, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            Assert.Equal(new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).RenderPng(values), png);
            Assert.Contains($"plot: {png.Length} PNG bytes", lines);
        }
        finally
        {
            try { Directory.Delete(tmp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static DotnetCli.Result Dotnet(string directory, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var result = DotnetCli.Run(directory, Limit, env, args);
        Assert.True(result.ExitCode == 0, result.Describe("dotnet " + string.Join(' ', args)));
        return result;
    }

    /// <summary>The package has its assembly, XML documentation and readme, and a symbol package sits next to it.</summary>
    private static void AssertPackage(string feed, string id, string version)
    {
        string nupkg = Path.Combine(feed, $"{id}.{version}.nupkg");
        Assert.True(File.Exists(nupkg), $"{nupkg} was not produced; the feed has: {string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName))}");
        Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")), $"no symbol package for {id}");
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.Contains("README.md", entries);
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        string text = nuspec.ReadToEnd();
        Assert.Contains("<readme>README.md</readme>", text);
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
    }

    /// <summary>A nuget.config with only the local feed and the package sources the repository restores from (as
    /// <c>dotnet nuget list source</c> reports them there), and the machine's packages folder as a fallback folder.</summary>
    private static string NuGetConfig(string repo, string feed, string version)
    {
        var listed = DotnetCli.Run(repo, Limit, null, "nuget", "list", "source", "--format", "short");
        Assert.True(listed.ExitCode == 0, listed.Describe("dotnet nuget list source"));
        var registries = listed.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim()).ToList();
        Assert.NotEmpty(registries);
        var config = new XElement("configuration",
            new XElement("packageSources", new XElement("clear"),
                new XElement("add", new XAttribute("key", "anomseer-local"), new XAttribute("value", feed)),
                registries.Select((url, i) => new XElement("add", new XAttribute("key", $"registry{i}"), new XAttribute("value", url)))));
        string? global = GlobalPackagesFolder(repo);
        bool stale = global is not null && Packages.Any(id => Directory.Exists(Path.Combine(global, id.ToLowerInvariant(), version)));
        if (global is not null && !stale)
            config.Add(new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", global))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), config).ToString();
    }

    private static string? GlobalPackagesFolder(string repo)
    {
        var r = DotnetCli.Run(repo, Limit, null, "nuget", "locals", "global-packages", "--list");
        var m = Regex.Match(r.Output, @"global-packages:\s*(\S.*)");
        string? path = m.Success ? m.Groups[1].Value.Trim() : null;
        return path is not null && Directory.Exists(path) ? path : null;
    }

    /// <summary>The packages and every project they reference under src/, in a stable order.</summary>
    private static List<string> ProjectClosure(string repo, IEnumerable<string> roots)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(roots);
        while (queue.Count > 0)
        {
            string name = queue.Dequeue();
            if (!seen.Add(name)) continue;
            var project = XDocument.Load(Path.Combine(repo, "src", name, name + ".csproj"));
            foreach (var reference in project.Descendants("ProjectReference"))
                queue.Enqueue(Path.GetFileNameWithoutExtension((string)reference.Attribute("Include")!));
        }
        return seen.ToList();
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(from, file);
            string first = rel.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj") continue;
            CopyFile(file, Path.Combine(to, rel));
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AnomSeer.Lib.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (AnomSeer.Lib.sln) was not found above " + AppContext.BaseDirectory);
    }
}
