using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using Embedding.Generated.Benchmarks.Experiments;

namespace Embedding.Generated.Benchmarks.Profiling;

/// <summary>
/// <c>--memory-probe</c>: measures this machine's memory as a random-row gather sees it, so that the one-thread
/// targets can be judged against the machine rather than against another one's figures. For buffers from 1 MB to
/// 256 MB, once on the 4 KB pages a process gets by default and once collapsed into 2 MB pages:
/// <list type="bullet">
/// <item>the latency of one dependent load at a random cache line (a pointer chase: each load's address comes from
/// the previous load, so nothing overlaps); where it rises shows how much of the last-level cache this process
/// gets;</item>
/// <item>the same over one line per 4 KB page, so that the data stays in the caches and the growth is the page walks';
/// on 2 MB pages it should stay flat, unless the hypervisor backs guest memory with 4 KB pages (the TLB then holds
/// 4 KB translations whatever the guest asks for);</item>
/// <item>the time per row of a gather of random rows with the generated code's prefetch (<see cref="PrefetchingGather"/>),
/// in S2's shape (512-byte rows, 12,800 per call) and S3's (256-byte rows, 81,920 per call), against a memcpy of the
/// same bytes between buffers on cache lines, as the suite's limit.</item>
/// </list>
/// Experiment, not the library; nothing here is a benchmark claim. See docs/benchmarks.md.
/// </summary>
public static unsafe class MemoryProbe
{
    private const int LineBytes = 64;
    private const int PageBytes = 4096;
    private const long HugePageBytes = 2 * 1024 * 1024;
    private static readonly int[] SizesInMegabytes = [1, 2, 4, 8, 12, 16, 24, 32, 64, 256];

    // The suite's S2 and S3 batches: rows of 128 floats, 256 x 50 ids; rows of 64 floats, 4096 x 20 ids.
    private static readonly GatherShape[] Shapes = [new(RowFloats: 128, InputLength: 50, Rows: 12_800), new(RowFloats: 64, InputLength: 20, Rows: 81_920)];

    /// <summary>Runs the probe and prints one table row per buffer size.</summary>
    public static int Run()
    {
        double[] memcpyNanosecondsPerRow = [.. Shapes.Select(MemcpyNanosecondsPerRow)];
        foreach ((GatherShape shape, double memcpy) in Shapes.Zip(memcpyNanosecondsPerRow))
        {
            Console.WriteLine($"memcpy of a batch of {shape.Rows} rows of {shape.RowBytes} bytes: {Format(memcpy)} ns per row");
        }

        Console.WriteLine("| buffer | load latency, 4 KB pages | 2 MB pages | one line per 4 KB page, 4 KB pages | 2 MB pages | gather of 512-byte rows, 4 KB pages (x memcpy) | 2 MB pages | gather of 256-byte rows, 4 KB pages (x memcpy) | 2 MB pages |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (int megabytes in SizesInMegabytes)
        {
            using var buffer = new HugePageAlignedBuffer((long)megabytes << 20);
            double latency = ChaseNanoseconds(buffer);
            double pageLatency = ChaseNanoseconds(buffer, PageBytes);
            double[] gathers = [.. Shapes.Select(shape => GatherNanosecondsPerRow(buffer, shape))];
            string collapse = HugePages.TryCollapse(buffer.Floats);
            if (!collapse.Contains("collapsed", StringComparison.Ordinal))
            {
                Console.WriteLine($"{megabytes} MB: {collapse}");
            }

            double hugeLatency = ChaseNanoseconds(buffer);
            double hugePageLatency = ChaseNanoseconds(buffer, PageBytes);
            double[] hugeGathers = [.. Shapes.Select(shape => GatherNanosecondsPerRow(buffer, shape))];
            Console.WriteLine(
                $"| {megabytes} MB | {Format(latency)} ns | {Format(hugeLatency)} ns | {Format(pageLatency)} ns | {Format(hugePageLatency)} ns " +
                $"| {Format(gathers[0])} ns ({Format(gathers[0] / memcpyNanosecondsPerRow[0], "0.00")}x) | {Format(hugeGathers[0])} ns " +
                $"| {Format(gathers[1])} ns ({Format(gathers[1] / memcpyNanosecondsPerRow[1], "0.00")}x) | {Format(hugeGathers[1])} ns |");
        }

        return 0;
    }

    private static string Format(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    // A random cyclic permutation (Sattolo's algorithm) of one cache line in every `spacing` bytes of the buffer, each
    // line holding the offset of the next; then the time per load of walking it. With a spacing of one line, every
    // line of the buffer is visited; with a spacing of 4 KB, one line per page (at a different offset in each page, so
    // that the lines spread over the cache's sets), so the data fits the caches but every load needs another page.
    private static double ChaseNanoseconds(HugePageAlignedBuffer buffer, int spacing = LineBytes)
    {
        int lines = (int)(buffer.Bytes / spacing);
        int linesPerSpacing = spacing / LineBytes;
        long OffsetOf(int node) => ((long)node * spacing) + ((node % linesPerSpacing) * LineBytes);
        var order = new int[lines];
        for (int i = 0; i < lines; i++)
        {
            order[i] = i;
        }

        var random = new Random(42);
        for (int i = lines - 1; i > 0; i--)
        {
            int j = random.Next(i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        byte* start = buffer.Start;
        for (int i = 0; i < lines; i++)
        {
            *(long*)(start + OffsetOf(i)) = OffsetOf(order[i]);
        }

        long loads = Math.Max(2_000_000, lines);
        long offset = Walk(start, OffsetOf(0), lines);
        var stopwatch = Stopwatch.StartNew();
        offset = Walk(start, offset, loads);
        stopwatch.Stop();
        GC.KeepAlive(offset);
        return stopwatch.Elapsed.TotalNanoseconds / loads;
    }

    private static long Walk(byte* start, long offset, long loads)
    {
        for (long i = 0; i < loads; i++)
        {
            offset = *(long*)(start + offset);
        }

        return offset;
    }

    // Uniform random rows, a fresh batch per call (from a pool of 16), for half a second.
    private static double GatherNanosecondsPerRow(HugePageAlignedBuffer buffer, GatherShape shape)
    {
        const int Batches = 16;
        int tableRows = buffer.Floats.Length / shape.RowFloats;
        var random = new Random(7);
        int[] ids = new int[shape.Rows * Batches];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = random.Next(tableRows);
        }

        Memory<float> output = AlignedTable.Allocate(shape.Rows * shape.RowFloats).Memory;
        int batch = 0;
        double nanosecondsPerCall = NanosecondsPerCall(() =>
        {
            PrefetchingGather.Forward(buffer.Floats, shape.RowFloats, shape.InputLength, ids.AsSpan(batch * shape.Rows, shape.Rows), output.Span);
            batch = (batch + 1) % Batches;
        });
        return nanosecondsPerCall / shape.Rows;
    }

    private static double MemcpyNanosecondsPerRow(GatherShape shape)
    {
        Memory<float> source = Workloads.Buffers.OnCacheLines(Workloads.Buffers.SmallRandom(shape.Rows * shape.RowFloats));
        Memory<float> target = AlignedTable.Allocate(source.Length).Memory;
        return NanosecondsPerCall(() => Baselines.ContiguousLimit.Copy(source.Span, target.Span)) / shape.Rows;
    }

    // Calls for half a second to warm up (and tier up) the code, then for half a second measured.
    private static double NanosecondsPerCall(Action call)
    {
        long calls = 0;
        var stopwatch = new Stopwatch();
        for (int round = 0; round < 2; round++)
        {
            calls = 0;
            stopwatch.Restart();
            while (stopwatch.ElapsedMilliseconds < 500)
            {
                call();
                calls++;
            }
        }

        return stopwatch.Elapsed.TotalNanoseconds / calls;
    }

    private readonly record struct GatherShape(int RowFloats, int InputLength, int Rows)
    {
        public int RowBytes => RowFloats * sizeof(float);
    }

    // Native memory on a 2 MB boundary, so that every 2 MB page of it can be collapsed.
    private sealed class HugePageAlignedBuffer : IDisposable
    {
        public HugePageAlignedBuffer(long bytes)
        {
            Bytes = bytes;
            Start = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, (nuint)HugePageBytes);
            new Span<byte>(Start, checked((int)bytes)).Fill(1);
        }

        public long Bytes { get; }

        public byte* Start { get; }

        public Span<float> Floats => new(Start, checked((int)(Bytes / sizeof(float))));

        public void Dispose() => NativeMemory.AlignedFree(Start);
    }
}
