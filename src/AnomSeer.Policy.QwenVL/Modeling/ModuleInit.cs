using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>Creates parameters on a device and dtype; random init is normal(0, 0.02) as HF's <c>initializer_range</c>,
/// skipped on the meta device (shape-only models) and overwritten anyway when a checkpoint is loaded.</summary>
internal static class ModuleInit
{
    public const double InitStd = 0.02;

    public static TorchSharp.Modules.Parameter Normal(long[] shape, ScalarType dtype, Device device)
    {
        var t = empty(shape, dtype, device);
        if (device.type != TorchSharp.DeviceType.META)
            using (no_grad()) t.normal_(0, InitStd);
        return new TorchSharp.Modules.Parameter(t);
    }

    public static TorchSharp.Modules.Parameter Zeros(long[] shape, ScalarType dtype, Device device) =>
        new(device.type == TorchSharp.DeviceType.META ? empty(shape, dtype, device) : zeros(shape, dtype, device));

    public static TorchSharp.Modules.Parameter Ones(long[] shape, ScalarType dtype, Device device) =>
        new(device.type == TorchSharp.DeviceType.META ? empty(shape, dtype, device) : ones(shape, dtype, device));
}
