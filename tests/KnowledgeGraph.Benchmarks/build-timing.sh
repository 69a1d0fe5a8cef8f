#!/usr/bin/env bash
# Whole-build timings: for each size N, a fresh console app with N synthetic facts (the model of
# SyntheticModel.cs) that references the runtime and the generator as project references, as
# src/IstanbulTalks does. For each it measures:
#   - the wall time and peak memory (max RSS) of a clean `dotnet build -c Release` and of a no-change rebuild,
#   - the Csc task time and the generator's own time inside it (ReportAnalyzer),
#   - the size of the generated code (EmitCompilerGeneratedFiles: the *.g.cs files) and of the built dll,
#   - the start-up of the compiled-in graph: time of the first NewsGraph.Default and the memory it keeps.
#
# Usage: tests/KnowledgeGraph.Benchmarks/build-timing.sh [--sizes "100 1000 10000 100000"] [--work DIR]
#                                                       [--timeout SECONDS] [--heap-limit-gb N] [--runs N]
#   --sizes          fact counts (default "100 1000 10000 100000"; add 1000000 to try 1M)
#   --work           where the consumer apps go (default: a new temporary folder); must be outside the repository
#   --timeout        seconds one build may take before it is stopped and reported (default 3600)
#   --heap-limit-gb  DOTNET_GCHeapHardLimit for the builds, so a build that needs too much memory fails with
#                    an OutOfMemoryException instead of waking the kernel's OOM killer (default: 3/4 of RAM)
#   --runs           start-up runs of each app; the median is reported (default 3)
#   --msbuild-args   extra arguments for every build, such as "-p:Features=run-nullable-analysis=never"
# Prints a Markdown table, also written to WORK/results.md; every build log stays in WORK/consumer-N/.
# Builds run with --disable-build-servers: no MSBuild node or compiler server is reused, so every build pays the
# compiler's start-up (a second or two, the same at every size) and /usr/bin/time sees every process it started.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sizes="100 1000 10000 100000"
work=""
timeout_seconds=3600
runs=3
extra_args=""
memory_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
heap_limit_gb=$((memory_kb * 3 / 4 / 1024 / 1024))

while (($# > 0)); do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --timeout) timeout_seconds=$2; shift 2 ;;
    --heap-limit-gb) heap_limit_gb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --msbuild-args) extra_args=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -x /usr/bin/time ]]; then
  echo "error: /usr/bin/time is needed for peak memory (Debian: apt-get install -y time)." >&2
  exit 2
fi

work=${work:-$(mktemp -d "${TMPDIR:-/tmp}/kg-build-timing.XXXXXX")}
mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work/" in
  "$repo"/*) echo "error: --work must be outside the repository ($work)." >&2; exit 2 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDTERMINALLOGGER=off
heap_limit_hex=$(printf '0x%x' $((heap_limit_gb * 1024 * 1024 * 1024)))

echo "Repository: $repo"
echo "Work folder: $work"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $((memory_kb / 1024 / 1024)) GiB; .NET SDK $(dotnet --version)"
echo "Build heap limit: ${heap_limit_gb} GiB (DOTNET_GCHeapHardLimit=$heap_limit_hex)"

# The harness writes the models; building it also builds the runtime and the generator in Release, so the
# consumer builds below find their project references up to date.
harness_project="$repo/tests/KnowledgeGraph.Benchmarks/KnowledgeGraph.Benchmarks.csproj"
dotnet build "$harness_project" -c Release -nologo -v:q >"$work/harness-build.log" 2>&1 \
  || { cat "$work/harness-build.log"; echo "error: the harness did not build." >&2; exit 1; }
harness="$repo/tests/KnowledgeGraph.Benchmarks/bin/Release/net10.0/KnowledgeGraph.Benchmarks.dll"

# Keep the repository's build settings (warnings as errors, central package versions) away from the consumers.
echo '<Project />' >"$work/Directory.Build.props"
echo '<Project />' >"$work/Directory.Build.targets"
echo '<Project />' >"$work/Directory.Packages.props"

write_consumer() {
  local dir=$1
  mkdir -p "$dir"
  cat >"$dir/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>Consumer</RootNamespace>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/KnowledgeGraph/KnowledgeGraph.csproj" />
    <ProjectReference Include="$repo/generators/KnowledgeGraph.Generators/KnowledgeGraph.Generators.csproj"
                      OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <Import Project="$repo/nuget/buildTransitive/KnowledgeGraph.targets" />
</Project>
EOF
  cat >"$dir/Program.cs" <<'EOF'
using System;
using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Benchmarks.News;

var before = GC.GetTotalMemory(forceFullCollection: true);
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
var ilBefore = System.Runtime.JitInfo.GetCompiledILBytes();
var clock = Stopwatch.StartNew();
var graph = NewsGraph.Default;
clock.Stop();
var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
var il = System.Runtime.JitInfo.GetCompiledILBytes() - ilBefore;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ready_ms={clock.Elapsed.TotalMilliseconds:F1} jit_ms={jit.TotalMilliseconds:F1} jit_il_bytes={il} process_ms={sinceStart.TotalMilliseconds:F0} entities={graph.EntityCount} relations={graph.RelationCount} retained_bytes={retained} allocated_bytes={allocated}"));
EOF
}

# The resident memory (KB) of a process and all its descendants, and of the largest one among them.
tree_rss() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      for (p in parent) {
        q = p
        while (q > 1 && q != root) q = parent[q]
        if (q == root) { total += rss[p]; if (rss[p] > largest) largest = rss[p] }
      }
      print total + 0, largest + 0
    }'
}

# Runs a command under /usr/bin/time and a timeout, sampling the memory of its process tree twice a second.
# Sets wall (s), rss_mb (peak of the whole tree), largest_mb (peak of its largest process), time_rss_mb (the
# largest max RSS /usr/bin/time saw, exact for a single short process) and rc; output goes to $2.
timed() {
  local label=$1 log=$2
  shift 2
  local stats="$log.time" pid sample total largest
  DOTNET_GCHeapHardLimit=$heap_limit_hex /usr/bin/time -v -o "$stats" \
    timeout --kill-after=30s "$timeout_seconds" "$@" >"$log" 2>&1 &
  pid=$!
  local peak_total=0 peak_largest=0
  while kill -0 "$pid" 2>/dev/null; do
    read -r total largest < <(tree_rss "$pid")
    ((total > peak_total)) && peak_total=$total
    ((largest > peak_largest)) && peak_largest=$largest
    sleep 0.5
  done
  rc=0
  wait "$pid" || rc=$?
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$stats")
  rss_mb=$((peak_total / 1024))
  time_rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$stats")
  largest_mb=$((peak_largest / 1024))
  echo "  $label: ${wall}s, peak memory ${rss_mb} MB (largest process ${largest_mb} MB), exit $rc, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The Csc task's time (MSBuild performance summary) and the generator's time inside it (ReportAnalyzer).
csc_seconds() { awk '/Task Performance Summary/ { on = 1 } on && $2 == "ms" && $3 == "Csc" { printf "%.1f", $1 / 1000; exit }' "$1"; }
generator_seconds() {
  # csc -reportanalyzer lists each generator's time as "   0.123   100   KnowledgeGraph.Generators.KnowledgeGraphGenerator".
  grep -E '^[[:space:]]*[<0-9.]+[[:space:]]+[0-9]+[[:space:]]+KnowledgeGraph\.Generators\.KnowledgeGraphGenerator' "$1" \
    | head -n 1 | awk '{ print $1 }' || true
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

results="$work/results.md"
{
  echo "| N facts | model MB | clean build s | rebuild s | build peak MB (largest process) | Csc s | generator s (in Csc) | generated .g.cs MB | dll MB | first Default ms (median) | of which JIT ms | IL JIT-compiled KB | process start→ready ms | retained MB | run peak MB | load avg | status |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
} >"$results"

# Detailed verbosity is what shows the compiler's -reportanalyzer output (the generator's own time).
build_args=(-c Release --no-restore --disable-build-servers -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true)
if [[ -n $extra_args ]]; then
  read -r -a extra <<<"$extra_args"
  build_args+=("${extra[@]}")
  echo "Extra build arguments: ${extra[*]}"
fi

# A throw-away build first, so that the first measured size does not also pay for warming the disk cache and NuGet.
warm="$work/warm-up"
write_consumer "$warm"
dotnet "$harness" --write-model "$warm/model" --facts 100 >/dev/null
dotnet restore "$warm" -v:q >"$warm/restore.log" 2>&1
dotnet build "$warm" "${build_args[@]}" >"$warm/build.log" 2>&1 || { tail -n 30 "$warm/build.log"; echo "error: the warm-up build failed." >&2; exit 1; }

for n in $sizes; do
  dir="$work/consumer-$n"
  rm -rf "$dir"
  write_consumer "$dir"
  echo
  echo "== $n facts ($dir)"
  dotnet "$harness" --write-model "$dir/model" --facts "$n" | sed 's/^/  /'
  model_mb=$(du -sb "$dir/model" | awk '{ printf "%.1f", $1 / 1048576 }')
  dotnet restore "$dir" -v:q >"$dir/restore.log" 2>&1

  status=ok
  timed "clean build" "$dir/build-clean.log" dotnet build "$dir" "${build_args[@]}"
  clean_wall=$wall clean_rss="$rss_mb ($largest_mb)" clean_rc=$rc load=$(cut -d' ' -f1 /proc/loadavg)
  if ((clean_rc != 0)); then
    if grep -q "OutOfMemoryException" "$dir/build-clean.log"; then
      status="clean build ran out of memory (exit $clean_rc)"
    elif ((clean_rc == 124 || clean_rc == 137)); then
      status="clean build stopped after ${timeout_seconds}s (exit $clean_rc)"
    else
      status="clean build failed (exit $clean_rc)"
    fi
    grep -E "error|Exception" "$dir/build-clean.log" | head -n 5 | sed 's/^/    /' || true
    echo "| $n | $model_mb | ${clean_wall} | | $clean_rss | | | | | | | | | | | $load | $status |" >>"$results"
    continue
  fi

  csc=$(csc_seconds "$dir/build-clean.log")
  generator=$(generator_seconds "$dir/build-clean.log")
  generated_mb=$(find "$dir/obj/Release/net10.0/generated" -name '*.g.cs' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')
  dll_mb=$(stat -c %s "$dir/bin/Release/net10.0/Consumer.dll" | awk '{ printf "%.1f", $1 / 1048576 }')

  timed "no-change rebuild" "$dir/build-rebuild.log" dotnet build "$dir" "${build_args[@]}"
  rebuild_wall=$wall
  ((rc == 0)) || status="rebuild failed (exit $rc)"

  ready=() process=() jit=() il_kb="" retained="" run_rss=0
  for ((i = 1; i <= runs; i++)); do
    timed "run $i" "$dir/run-$i.log" dotnet "$dir/bin/Release/net10.0/Consumer.dll"
    if ((rc != 0)); then
      status="run failed (exit $rc)"
      break
    fi
    line=$(grep '^ready_ms=' "$dir/run-$i.log")
    echo "    $line"
    ready+=("$(sed 's/.*ready_ms=\([0-9.]*\).*/\1/' <<<"$line")")
    process+=("$(sed 's/.*process_ms=\([0-9]*\).*/\1/' <<<"$line")")
    jit+=("$(sed 's/.*jit_ms=\([0-9.]*\).*/\1/' <<<"$line")")
    il_kb=$(sed 's/.*jit_il_bytes=\([0-9]*\).*/\1/' <<<"$line" | awk '{ printf "%.0f", $1 / 1024 }')
    retained=$(sed 's/.*retained_bytes=\([-0-9]*\).*/\1/' <<<"$line" | awk '{ printf "%.1f", $1 / 1048576 }')
    ((time_rss_mb > run_rss)) && run_rss=$time_rss_mb
  done
  echo "| $n | $model_mb | $clean_wall | $rebuild_wall | $clean_rss | ${csc:-?} | ${generator:-?} | $generated_mb | $dll_mb | $(median "${ready[@]}") | $(median "${jit[@]}") | $il_kb | $(median "${process[@]}") | $retained | $run_rss | $load | $status |" >>"$results"
done

echo
cat "$results"
