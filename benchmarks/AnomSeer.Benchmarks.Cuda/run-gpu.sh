#!/usr/bin/env bash
# GPU benchmark of AnomSeer.OptimalTransport.Cuda, in one command, on a Linux x64 machine with an NVIDIA GPU
# and its driver, and no .NET installed.
#
# Prepare the self-contained build beforehand, on any machine with the .NET 10 SDK, from the repository root:
#   dotnet publish benchmarks/AnomSeer.Benchmarks.Cuda -c Release -r linux-x64 --self-contained -o artifacts/gpu-bench
# Copy artifacts/gpu-bench/ to the GPU machine (run-gpu.sh and torch_sinkhorn.py are inside it), then:
#   ./run-gpu.sh                 # full sizes: the paper's step, 640 × 1024 × 512, one 4096 × 4096
#   ./run-gpu.sh --quick         # small sizes, a smoke test
# Extra arguments go to gpu-check (see `AnomSeer.Benchmarks.Cuda gpu-check --help`).
#
# What it does: prints the GPU (nvidia-smi), runs the PyTorch reference (torch_sinkhorn.py) when python3 has a
# CUDA-enabled torch, then runs gpu-check: device ceilings (copy bandwidth, FMA), per workload the device time,
# the bandwidth floor, a correctness check of W against the float64 CPU solver, the CPU time and the ratio to
# PyTorch, as one Markdown table. Results land in ./gpu-results/ (gpu-check.md, dotnet.json, torch.json).
# Exit code: 0 all correct, 1 a mismatch, 3 no CUDA device.
set -u -o pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${ANOMSEER_BENCH_BIN:-$here/AnomSeer.Benchmarks.Cuda}"
out="${ANOMSEER_BENCH_OUT:-$PWD/gpu-results}"
mkdir -p "$out"

if [[ ! -x "$bin" ]]; then
  # Run from the source folder: use (or make) the published build under artifacts/gpu-bench.
  repo="$(cd "$here/../.." && pwd)"
  bin="$repo/artifacts/gpu-bench/AnomSeer.Benchmarks.Cuda"
  if [[ ! -x "$bin" ]]; then
    if command -v dotnet >/dev/null; then
      echo "Publishing the self-contained build to $repo/artifacts/gpu-bench ..."
      dotnet publish "$here" -c Release -r linux-x64 --self-contained -o "$repo/artifacts/gpu-bench" || exit 2
    else
      echo "No published build found next to this script or at $bin, and no dotnet to make one." >&2
      echo "Prepare it with: dotnet publish benchmarks/AnomSeer.Benchmarks.Cuda -c Release -r linux-x64 --self-contained -o artifacts/gpu-bench" >&2
      exit 2
    fi
  fi
fi

quick=()
for a in "$@"; do [[ "$a" == "--quick" ]] && quick=(--quick); done

{
  echo "# AnomSeer GPU Sinkhorn benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- host: $(uname -srm)"
  if command -v nvidia-smi >/dev/null; then
    echo "- GPU: $(nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv,noheader 2>/dev/null | head -1)"
  else
    echo "- GPU: nvidia-smi not found"
  fi
  echo "- command: $0 $*"
  echo
} | tee "$out/gpu-check.md"

torch_args=()
if command -v python3 >/dev/null && python3 -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
  echo "## PyTorch reference" | tee -a "$out/gpu-check.md"
  if python3 "$here/torch_sinkhorn.py" "${quick[@]}" --json "$out/torch.json" 2>&1 | tee -a "$out/gpu-check.md"; then
    torch_args=(--torch "$out/torch.json")
  fi
else
  echo "PyTorch with CUDA not available to python3: the table has no PyTorch column values." | tee -a "$out/gpu-check.md"
fi

echo | tee -a "$out/gpu-check.md"
echo "## gpu-check" | tee -a "$out/gpu-check.md"
"$bin" gpu-check "${torch_args[@]}" --json "$out/dotnet.json" "$@" 2>&1 | tee -a "$out/gpu-check.md"
rc=${PIPESTATUS[0]}
echo "Results: $out/gpu-check.md (exit code $rc)"
exit "$rc"
