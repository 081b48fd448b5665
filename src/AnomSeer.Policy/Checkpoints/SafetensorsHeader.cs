using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace AnomSeer.Policy.Checkpoints;

/// <summary>One tensor entry of a safetensors header.</summary>
/// <param name="Name">The tensor name.</param>
/// <param name="DType">The dtype string (F32, F16, …).</param>
/// <param name="Shape">The shape.</param>
/// <param name="Begin">Data start offset, relative to the end of the header.</param>
/// <param name="End">Data end offset (exclusive), relative to the end of the header.</param>
public sealed record SafetensorsEntry(string Name, string DType, long[] Shape, long Begin, long End);

/// <summary>Reads and checks the header of a safetensors file (8-byte little-endian length, JSON, then the data).</summary>
public static class SafetensorsHeader
{
    /// <summary>Reads the header of <paramref name="path"/> and checks that every entry's bytes lie inside the file and
    /// match its dtype and shape, and that the file is not truncated or padded.</summary>
    /// <exception cref="PolicyCheckpointException">The file is missing, truncated or malformed.</exception>
    public static IReadOnlyList<SafetensorsEntry> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new PolicyCheckpointException(path, "the file does not exist.");
        using var fs = File.OpenRead(path);
        long length = fs.Length;
        if (length < 8) throw new PolicyCheckpointException(path, $"the file is {length} bytes, too short for a safetensors header (truncated?).");
        Span<byte> lenBytes = stackalloc byte[8];
        fs.ReadExactly(lenBytes);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(lenBytes);
        if (n == 0 || n > (ulong)(length - 8) || n > 100_000_000)
            throw new PolicyCheckpointException(path, $"header length {n} does not fit in a file of {length} bytes (truncated or not a safetensors file).");
        var json = new byte[n];
        fs.ReadExactly(json);
        long dataLength = length - 8 - (long)n;
        var entries = new List<SafetensorsEntry>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new PolicyCheckpointException(path, "the header is not a JSON object.");
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == "__metadata__") continue;
                var e = prop.Value;
                string dtype = e.GetProperty("dtype").GetString() ?? "";
                var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                var offs = e.GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                if (offs.Length != 2 || offs[0] < 0 || offs[1] < offs[0])
                    throw new PolicyCheckpointException(path, $"tensor '{prop.Name}' has invalid data offsets.");
                if (offs[1] > dataLength)
                    throw new PolicyCheckpointException(path, $"tensor '{prop.Name}' ends at byte {offs[1]} of the data but the file holds {dataLength} data bytes (truncated).");
                long elements = shape.Aggregate(1L, (a, b) => a * b);
                long bytes = elements * DTypeSize(dtype, path, prop.Name);
                if (offs[1] - offs[0] != bytes)
                    throw new PolicyCheckpointException(path, $"tensor '{prop.Name}' has {offs[1] - offs[0]} bytes but {dtype}[{string.Join(", ", shape)}] needs {bytes}.");
                entries.Add(new SafetensorsEntry(prop.Name, dtype, shape, offs[0], offs[1]));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new PolicyCheckpointException(path, $"the header is not valid safetensors JSON: {ex.Message}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new PolicyCheckpointException(path, "the header is not UTF-8.", ex);
        }
        long used = entries.Count == 0 ? 0 : entries.Max(e => e.End);
        if (used != dataLength)
            throw new PolicyCheckpointException(path, $"the data section is {dataLength} bytes but the tensors use {used}.");
        return entries;
    }

    private static long DTypeSize(string dtype, string path, string name) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" => 1,
        _ => throw new PolicyCheckpointException(path, $"tensor '{name}' has unknown dtype '{dtype}'."),
    };
}
