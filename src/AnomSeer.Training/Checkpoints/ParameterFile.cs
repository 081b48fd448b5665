using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Training.Checkpoints;

/// <summary>
/// A plain binary file of a parameter list: magic, count, then per parameter its rank, dimensions and float32 values
/// (little-endian). Loading checks every shape, so a checkpoint of another architecture fails with a clear message.
/// </summary>
internal static class ParameterFile
{
    private const int Magic = 0x50545341; // "ASTP"

    public static void Save(IReadOnlyList<Parameter> parameters, string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var w = new BinaryWriter(stream);
        w.Write(Magic);
        w.Write(parameters.Count);
        foreach (var p in parameters)
        {
            w.Write(p.shape.Length);
            foreach (var d in p.shape) w.Write(d);
            using var scope = NewDisposeScope();
            var values = p.detach().to(float32).cpu().contiguous().data<float>().ToArray();
            var bytes = new byte[values.Length * sizeof(float)];
            Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
            w.Write(bytes);
        }
    }

    public static void Load(IReadOnlyList<Parameter> parameters, string path) =>
        Load(parameters, path, (file, problem, inner) => new TimerPoCheckpointException(file, problem, inner));

    /// <summary>Loads, reporting a problem with the exception that <paramref name="error"/> makes (file, problem, inner).</summary>
    public static void Load(IReadOnlyList<Parameter> parameters, string path, Func<string, string, Exception?, Exception> error)
    {
        if (!File.Exists(path)) throw error(path, "the file is missing from the checkpoint.", null);
        using var stream = File.OpenRead(path);
        using var r = new BinaryReader(stream);
        try
        {
            if (r.ReadInt32() != Magic) throw error(path, "not a parameter file (bad magic).", null);
            int count = r.ReadInt32();
            if (count != parameters.Count)
                throw error(path, $"it holds {count} parameters but the model has {parameters.Count}.", null);
            var loaded = new float[count][];
            for (int i = 0; i < count; i++)
            {
                int rank = r.ReadInt32();
                var shape = new long[rank];
                for (int d = 0; d < rank; d++) shape[d] = r.ReadInt64();
                if (!shape.SequenceEqual(parameters[i].shape))
                    throw error(path, $"parameter {i} has shape [{string.Join(", ", shape)}] but the model expects [{string.Join(", ", parameters[i].shape)}].", null);
                long n = shape.Aggregate(1L, (a, b) => a * b);
                var bytes = r.ReadBytes(checked((int)(n * sizeof(float))));
                if (bytes.Length != n * sizeof(float)) throw error(path, "the file is truncated.", null);
                loaded[i] = new float[n];
                Buffer.BlockCopy(bytes, 0, loaded[i], 0, bytes.Length);
            }
            using var noGrad = no_grad();
            for (int i = 0; i < count; i++)
            {
                using var t = tensor(loaded[i], parameters[i].shape);
                parameters[i].copy_(t);
            }
        }
        catch (EndOfStreamException e)
        {
            throw error(path, "the file is truncated.", e);
        }
    }
}
