#!/usr/bin/env bash
# What N generated layers cost a user's build: real `dotnet build`s of a console project with N annotated layers
# (each in its own file, with a forward pass that uses it), referencing this repository's runtime and generator as a
# user's project does. For each N the project is restored and built once, then rebuilt RUNS times after touching one
# file, so that the compiler, the generator and the analyzers run whole each time while restore and the referenced
# projects are up to date. Prints the median rebuild time per N and its excess over the first N given.
#
#   benchmarks/layer-build-time.sh [RUNS] [N ...]     (default: 3 runs of 1, 100 and 300 layers)
#
# Run it on a quiet machine: nothing else building, load average near 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 100 300)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The runtime and generator are built once, in Release as a package would ship them.
dotnet build -c Release "$root/runtime/Embedding.Generated/Embedding.Generated.csproj" -v q -nologo >/dev/null

output_dims=(3 8 16 17 32 64 100 128 256 300)
write_project() {
  local dir=$1 count=$2
  mkdir -p "$dir"
  # Empty Directory.Build.* files stop MSBuild from importing the repository's.
  echo '<Project />' >"$dir/Directory.Build.props"
  echo '<Project />' >"$dir/Directory.Build.targets"
  echo '<Project />' >"$dir/Directory.Packages.props"
  cat >"$dir/Layers.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <Configuration>Release</Configuration>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/runtime/Embedding.Generated/Embedding.Generated.csproj" SetTargetFramework="TargetFramework=net10.0" />
    <ProjectReference Include="$root/generator/Embedding.Generated.Generator/Embedding.Generated.Generator.csproj"
                      OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
EOF
  printf 'System.Console.WriteLine("%s layers");\n' "$count" >"$dir/Program.cs"
  for ((i = 0; i < count; i++)); do
    local dim=${output_dims[$((i % ${#output_dims[@]}))]}
    cat >"$dir/Layer$i.cs" <<EOF
using Embedding.Generated;

namespace Layers;

[EmbeddingLayer(InputDim = $((1000 + i)), OutputDim = $dim, InputLength = $((5 + i % 20)))]
public partial class Layer$i;

public static class UseLayer$i
{
    public static float First(Layer$i layer, int[,] ids) => layer.Forward(ids)[0, 0, 0];
}
EOF
  done
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git -C "$root" rev-parse --short HEAD)"
printf '%8s %12s %12s %s\n' layers median_s excess_s runs_s
first=""
for count in "${counts[@]}"; do
  dir="$work/layers-$count"
  write_project "$dir" "$count"
  dotnet build "$dir/Layers.csproj" -v q -nologo >/dev/null
  times=()
  for ((r = 0; r < runs; r++)); do
    touch "$dir/Program.cs"
    start=$(date +%s.%N)
    dotnet build "$dir/Layers.csproj" --no-restore --no-dependencies -v q -nologo >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  [ -n "$first" ] || first=$med
  printf '%8d %12.2f %12.2f %s\n' "$count" "$med" "$(echo "$med - $first" | bc)" "${times[*]}"
done
