using ILGPU;
using ILGPU.Algorithms;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>
/// Tree reductions across a whole group through a shared-memory scratch of one entry per thread. The group
/// size must be a power of two (the solver only launches such groups). Every thread of the group must call.
/// </summary>
internal static class GroupReduce
{
    /// <summary>The sum over the group, returned to every thread.</summary>
    public static double Sum(double value, ArrayView<double> scratch)
    {
        int t = Group.IdxX;
        scratch[t] = value;
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half >>= 1)
        {
            if (t < half) scratch[t] += scratch[t + half];
            Group.Barrier();
        }
        double total = scratch[0];
        Group.Barrier();
        return total;
    }

    /// <summary>The sum over the group, returned to every thread.</summary>
    public static float Sum(float value, ArrayView<float> scratch)
    {
        int t = Group.IdxX;
        scratch[t] = value;
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half >>= 1)
        {
            if (t < half) scratch[t] += scratch[t + half];
            Group.Barrier();
        }
        float total = scratch[0];
        Group.Barrier();
        return total;
    }

    /// <summary>The maximum over the group, returned to every thread.</summary>
    public static float Max(float value, ArrayView<float> scratch)
    {
        int t = Group.IdxX;
        scratch[t] = value;
        Group.Barrier();
        for (int half = Group.DimX / 2; half > 0; half >>= 1)
        {
            if (t < half) scratch[t] = XMath.Max(scratch[t], scratch[t + half]);
            Group.Barrier();
        }
        float total = scratch[0];
        Group.Barrier();
        return total;
    }
}
