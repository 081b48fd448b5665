#!/usr/bin/env python3
"""PyTorch reference for the AnomSeer GPU Sinkhorn benchmark (run by run-gpu.sh).

A straightforward PyTorch implementation of the same algorithm as AnomSeer.OptimalTransport.Cuda:
log-domain Sinkhorn from log u = log v = 0, ending with the v-update,
    log u = log a - logsumexp_j(-C/eps + log v),   log v = log b - logsumexp_i(-C/eps + log u),
W = sum(T * C) with T = exp(-C/eps + log u + log v); for the hidden-state workload also the masses
softmax(||h||) (clamped at 1e-12 and renormalised) and the cosine cost max(0, 1 - x.y / ((|x|+1e-6)(|y|+1e-6))).
Mixed sizes are padded to the longest response (padded rows get -1e9 in -C/eps and in log a).

Same problem sizes as Workload.cs (T_r(p) = max - (389 p mod span)); the data are random on the GPU (only
the sizes and the algorithm are shared; correctness of the C# kernels is checked against the C# CPU solver).
Timed with CUDA events on inputs already on the GPU; float32 matmuls without TF32.
"""
import argparse
import json
import statistics
import sys

try:
    import torch
except ImportError:  # reported by run-gpu.sh, which then skips the PyTorch column
    print("torch_sinkhorn.py: PyTorch is not installed", file=sys.stderr)
    sys.exit(4)


def lengths(count, max_len, span):
    return [max_len - (389 * p % span) for p in range(count)]


def workloads(quick):
    if quick:
        return {
            "paper-step": dict(rows=lengths(8, 64, 3), cols=32, dim=64, hidden=True),
            "paper-step-full": dict(rows=[64] * 8, cols=32, dim=0, hidden=False),
            "single-4096": dict(rows=[128], cols=128, dim=0, hidden=False),
        }
    return {
        "paper-step": dict(rows=lengths(640, 1024, 960), cols=512, dim=2048, hidden=True),
        "paper-step-full": dict(rows=[1024] * 640, cols=512, dim=0, hidden=False),
        "single-4096": dict(rows=[4096], cols=4096, dim=0, hidden=False),
    }


PAD = -1e9


def row_mask(rows, n_max, device):
    r = torch.tensor(rows, device=device)
    return torch.arange(n_max, device=device)[None, :] < r[:, None]  # [B, n]


def log_masses(raw, mask):
    """Spec b.5 step 5: clamp at 1e-12, renormalise, log; padded entries get PAD."""
    m = torch.clamp(raw, min=1e-12) * mask
    m = m / m.sum(dim=1, keepdim=True)
    return torch.where(mask, torch.log(torch.clamp(m, min=1e-30)), torch.full_like(m, PAD))


def sinkhorn_log(C, loga, logb, mask, eps, iters):
    M = C * (-1.0 / eps)
    M = torch.where(mask[:, :, None], M, torch.full_like(M, PAD))
    logu = torch.zeros_like(loga)
    logv = torch.zeros_like(logb)
    for _ in range(iters):
        logu = loga - torch.logsumexp(M + logv[:, None, :], dim=2)
        logv = logb - torch.logsumexp(M + logu[:, :, None], dim=1)
    T = torch.exp(M + logu[:, :, None] + logv[:, None, :])
    return (T * C).sum(dim=(1, 2)), logu, logv


def cosine_cost_and_masses(X, Y, mask):
    nx = X.norm(dim=2)  # [B, n]
    ny = Y.norm(dim=2)  # [B, m]
    C = 1.0 - torch.bmm(X, Y.transpose(1, 2)) / ((nx + 1e-6)[:, :, None] * (ny + 1e-6)[:, None, :])
    C = torch.clamp(C, min=0.0)
    a = torch.softmax(torch.where(mask, nx, torch.full_like(nx, float("-inf"))), dim=1)
    b = torch.softmax(ny, dim=1)
    ones = torch.ones_like(b, dtype=torch.bool)
    return C, log_masses(a, mask), log_masses(b, ones)


def timed(fn, repeats):
    fn()  # warm-up (kernel selection, allocator)
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        out = fn()
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    return statistics.median(times), out


def run(name, w, eps, iters, repeats, device):
    rows, m, d = w["rows"], w["cols"], w["dim"]
    B, n = len(rows), max(rows)
    g = torch.Generator(device=device).manual_seed(1234)
    mask = row_mask(rows, n, device)
    result = {"problems": B, "entries": sum(r * m for r in rows)}
    if w["hidden"]:
        X = torch.randn(B, n, d, device=device, generator=g) * mask[:, :, None]
        Y = torch.randn(B, m, d, device=device, generator=g)
        cost_ms, (C, loga, logb) = timed(lambda: cosine_cost_and_masses(X, Y, mask), repeats)
        del X, Y
    else:
        cost_ms = 0.0
        C = 2.0 * torch.rand(B, n, m, device=device, generator=g)
        loga = log_masses(0.5 + torch.rand(B, n, device=device, generator=g), mask)
        logb = log_masses(0.5 + torch.rand(B, m, device=device, generator=g), torch.ones(B, m, dtype=torch.bool, device=device))
    sinkhorn_ms, (W, _, _) = timed(lambda: sinkhorn_log(C, loga, logb, mask, eps, iters), repeats)
    # Self-check of this implementation: the first problems again in float64 on the same data.
    k = min(B, 4)
    W64, _, _ = sinkhorn_log(C[:k].double(), loga[:k].double(), logb[:k].double(), mask[:k], eps, iters)
    rel = ((W[:k].double() - W64).abs() / W64.abs().clamp(min=1e-12)).max().item()
    result.update(cost_ms=cost_ms, sinkhorn_ms=sinkhorn_ms, total_ms=cost_ms + sinkhorn_ms,
                  max_relative_error_w_vs_float64=rel, w_first=W[:k].tolist())
    print(f"{name}: cost {cost_ms:.2f} ms, Sinkhorn {sinkhorn_ms:.2f} ms, total {cost_ms + sinkhorn_ms:.2f} ms, "
          f"float32 vs float64 max rel dW {rel:.1e}", flush=True)
    del C, loga, logb
    torch.cuda.empty_cache()
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="the small sizes of gpu-check --quick")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--eps", type=float, default=0.08)
    p.add_argument("--iters", type=int, default=50)
    p.add_argument("--workload", action="append", help="restrict to these workloads")
    p.add_argument("--json", help="write the results here (read by gpu-check --torch)")
    a = p.parse_args()
    if not torch.cuda.is_available():
        print("torch_sinkhorn.py: no CUDA device visible to PyTorch", file=sys.stderr)
        return 3
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    device = torch.device("cuda")
    gpu = torch.cuda.get_device_name(device)
    print(f"PyTorch {torch.__version__} on {gpu}", flush=True)
    out = {"gpu": gpu, "torch": torch.__version__, "eps": a.eps, "iters": a.iters, "workloads": {}}
    with torch.no_grad():
        for name, w in workloads(a.quick).items():
            if a.workload and name not in a.workload:
                continue
            out["workloads"][name] = run(name, w, a.eps, a.iters, a.repeats, device)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
