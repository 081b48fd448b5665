using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>
/// ILGPU binds the CUDA driver API under the native name "cuda". Linux images that only ship the driver's
/// versioned file (<c>libcuda.so.1</c>, no <c>libcuda.so</c> development link) would fail to load it; this
/// resolver maps the name to that file. Registered once, only consulted after the default probing fails.
/// </summary>
internal static class CudaNativeLibrary
{
    private static int s_registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1) return;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
    }

    private static IntPtr Resolve(System.Reflection.Assembly assembly, string name)
    {
        if (name is not ("cuda" or "libcuda" or "libcuda.so" or "nvcuda")) return IntPtr.Zero;
        foreach (var candidate in (string[])["libcuda.so.1", "libcuda.so"])
            if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        return IntPtr.Zero;
    }
}
