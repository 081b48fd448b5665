using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>Creates parameters on a device and dtype; random init is normal(0, 0.02) as HF's <c>initializer_range</c>,
/// skipped on the meta device (shape-only models) and overwritten anyway when a checkpoint is loaded.</summary>
internal static class ModuleInit
{
    public const double InitStd = 0.02;

    /// <summary>Guards torch's process-wide generator while a model is seeded and initialised.</summary>
    public static readonly Lock GlobalGeneratorLock = new();

    [ThreadStatic]
    private static bool _skip;

    /// <summary>Builds with uninitialised parameters (a checkpoint overwrites them all).</summary>
    public static T WithoutInit<T>(Func<T> build)
    {
        bool previous = _skip;
        _skip = true;
        try { return build(); }
        finally { _skip = previous; }
    }

    private static bool Skip(Device device) => _skip || device.type == TorchSharp.DeviceType.META;

    public static TorchSharp.Modules.Parameter Normal(long[] shape, ScalarType dtype, Device device)
    {
        var t = empty(shape, dtype, device);
        if (!Skip(device))
            using (no_grad()) t.normal_(0, InitStd);
        return new TorchSharp.Modules.Parameter(t);
    }

    public static TorchSharp.Modules.Parameter Zeros(long[] shape, ScalarType dtype, Device device) =>
        new(Skip(device) ? empty(shape, dtype, device) : zeros(shape, dtype, device));

    public static TorchSharp.Modules.Parameter Ones(long[] shape, ScalarType dtype, Device device) =>
        new(Skip(device) ? empty(shape, dtype, device) : ones(shape, dtype, device));
}
