using System.Buffers.Binary;
using System.Text;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;

namespace AnomSeer.Training.MLNet;

/// <summary>
/// Everything a <see cref="TimerPoDetector"/> needs, as files: <c>detector.json</c> and the policy checkpoint
/// (<c>config.json</c>, <c>tokenizer.json</c>, <c>model.safetensors</c>). The same bytes are written to a detector folder
/// and, packed into a <c>double[]</c>, carried by the ML.NET state column, so both ways of saving restore identical
/// weights.
/// </summary>
internal sealed class DetectorPackage
{
    private const double StateVersion = 1;
    private const int BytesPerValue = 6; // 48 bits: every such integer is exact in a double

    internal static readonly string[] PolicyFiles = [PolicyCheckpoint.ConfigFile, PolicyCheckpoint.TokenizerFile, PolicyCheckpoint.WeightsFile];

    private readonly byte[][] _policyFiles;

    private DetectorPackage(DetectorFile description, byte[][] policyFiles)
    {
        Description = description;
        _policyFiles = policyFiles;
    }

    internal DetectorFile Description { get; }

    /// <summary>Packs a trained policy: saves it to a temporary checkpoint folder and keeps the files' bytes.</summary>
    internal static DetectorPackage FromPolicy(TinyPolicyModel policy, DetectorFile description)
    {
        string temp = TempFolder();
        try
        {
            PolicyCheckpoint.Save(policy, temp);
            return new DetectorPackage(description, PolicyFiles.Select(f => File.ReadAllBytes(Path.Combine(temp, f))).ToArray());
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Reads a detector folder, checking the policy checkpoint with <see cref="PolicyCheckpoint.Load"/>.</summary>
    /// <exception cref="PolicyCheckpointException">A file is missing, corrupt or inconsistent; the message names it.</exception>
    internal static DetectorPackage ReadFolder(string folder)
    {
        if (!Directory.Exists(folder)) throw new PolicyCheckpointException(folder, "the detector folder does not exist.");
        string descriptionPath = Path.Combine(folder, DetectorFile.FileName);
        if (!File.Exists(descriptionPath)) throw new PolicyCheckpointException(descriptionPath, "the file is missing from the detector folder.");
        DetectorFile description;
        try { description = DetectorFile.FromJson(File.ReadAllText(descriptionPath)); }
        catch (InvalidDataException e) { throw new PolicyCheckpointException(descriptionPath, e.Message, e); }
        PolicyCheckpoint.Load(folder).Dispose(); // validates every policy file, naming the bad one
        return new DetectorPackage(description, PolicyFiles.Select(f => File.ReadAllBytes(Path.Combine(folder, f))).ToArray());
    }

    /// <summary>Writes the folder atomically: a valid policy checkpoint plus <c>detector.json</c>.</summary>
    internal void WriteFolder(string folder) => AnomSeer.IO.AtomicFolder.Write(folder, staging => WriteFiles(staging));

    /// <summary>A fresh policy with the packed weights (the caller owns it).</summary>
    internal TinyPolicyModel CreatePolicy()
    {
        string temp = TempFolder();
        try
        {
            Directory.CreateDirectory(temp);
            for (int i = 0; i < PolicyFiles.Length; i++) File.WriteAllBytes(Path.Combine(temp, PolicyFiles[i]), _policyFiles[i]);
            return PolicyCheckpoint.Load(temp);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private void WriteFiles(string directory)
    {
        for (int i = 0; i < PolicyFiles.Length; i++) File.WriteAllBytes(Path.Combine(directory, PolicyFiles[i]), _policyFiles[i]);
        File.WriteAllText(Path.Combine(directory, DetectorFile.FileName), Description.ToJson());
    }

    /// <summary>The state vector: version, byte count, then the container's bytes six to a value.</summary>
    internal double[] ToState()
    {
        var blob = new MemoryStream();
        WriteEntry(blob, DetectorFile.FileName, Encoding.UTF8.GetBytes(Description.ToJson()));
        for (int i = 0; i < PolicyFiles.Length; i++) WriteEntry(blob, PolicyFiles[i], _policyFiles[i]);
        var bytes = blob.ToArray();
        int values = (bytes.Length + BytesPerValue - 1) / BytesPerValue;
        var state = new double[2 + values];
        state[0] = StateVersion;
        state[1] = bytes.Length;
        for (int v = 0; v < values; v++)
        {
            long x = 0;
            int start = v * BytesPerValue;
            for (int j = BytesPerValue - 1; j >= 0; j--)
                x = (x << 8) | (start + j < bytes.Length ? (long)bytes[start + j] : 0L);
            state[2 + v] = x;
        }
        return state;
    }

    /// <summary>Unpacks <see cref="ToState"/>.</summary>
    /// <exception cref="InvalidDataException">Another version or damaged state.</exception>
    internal static DetectorPackage FromState(ReadOnlySpan<double> state)
    {
        if (state.Length < 2 || state[0] != StateVersion)
            throw new InvalidDataException($"The TimerPO detector state has version {(state.Length > 0 ? state[0] : double.NaN)}; this library reads version {StateVersion}.");
        double count = state[1];
        if (count < 0 || count != Math.Floor(count) || count > int.MaxValue
            || (long)Math.Ceiling(count / BytesPerValue) != state.Length - 2)
            throw new InvalidDataException("The TimerPO detector state is damaged (its length does not match its byte count).");
        var bytes = new byte[(int)count];
        for (int v = 0; v < state.Length - 2; v++)
        {
            double d = state[2 + v];
            if (d < 0 || d != Math.Floor(d) || d >= 1L << (8 * BytesPerValue))
                throw new InvalidDataException("The TimerPO detector state is damaged (a value is not a 48-bit integer).");
            long x = (long)d;
            for (int j = 0; j < BytesPerValue && v * BytesPerValue + j < bytes.Length; j++)
                bytes[v * BytesPerValue + j] = (byte)(x >> (8 * j));
        }
        var entries = ReadEntries(bytes);
        if (!entries.TryGetValue(DetectorFile.FileName, out var json))
            throw new InvalidDataException($"The TimerPO detector state has no {DetectorFile.FileName}.");
        var description = DetectorFile.FromJson(Encoding.UTF8.GetString(json));
        var files = PolicyFiles.Select(f => entries.TryGetValue(f, out var b) ? b
            : throw new InvalidDataException($"The TimerPO detector state has no {f}.")).ToArray();
        return new DetectorPackage(description, files);
    }

    private static void WriteEntry(Stream s, string name, byte[] content)
    {
        Span<byte> header = stackalloc byte[8];
        var nameBytes = Encoding.UTF8.GetBytes(name);
        BinaryPrimitives.WriteInt32LittleEndian(header, nameBytes.Length);
        s.Write(header[..4]);
        s.Write(nameBytes);
        BinaryPrimitives.WriteInt64LittleEndian(header, content.Length);
        s.Write(header);
        s.Write(content);
    }

    private static Dictionary<string, byte[]> ReadEntries(byte[] bytes)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int i = 0;
        while (i < bytes.Length)
        {
            if (i + 4 > bytes.Length) throw Damaged();
            int nameLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i));
            i += 4;
            if (nameLength < 0 || i + nameLength + 8 > bytes.Length) throw Damaged();
            string name = Encoding.UTF8.GetString(bytes, i, nameLength);
            i += nameLength;
            long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i));
            i += 8;
            if (length < 0 || length > bytes.Length - i) throw Damaged();
            result[name] = bytes.AsSpan(i, (int)length).ToArray();
            i += (int)length;
        }
        return result;
    }

    private static InvalidDataException Damaged() => new("The TimerPO detector state is damaged (its file container is truncated).");

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), $"anomseer-detector-{Guid.NewGuid():N}");

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temporary folder is harmless
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
