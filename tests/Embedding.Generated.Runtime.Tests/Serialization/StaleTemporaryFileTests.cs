using System;
using System.IO;
using System.Linq;
using System.Text;
using Embedding.Generated.Runtime.Tests.Infrastructure;
using Embedding.Generated.Serialization;
using Xunit;

namespace Embedding.Generated.Runtime.Tests.Serialization;

/// <summary>
/// A save killed midway leaves its temporary file <c>.{name}.{pid}.{random}.tmp</c> behind; the next save of the same
/// target removes it, but never the file of a save that is still running: one whose process is alive, or whose writer
/// holds it open.
/// </summary>
public sealed class StaleTemporaryFileTests : IDisposable
{
    // Above Linux's largest pid_max (2^22) and not a multiple of 4 as Windows' process ids are: no process has it.
    private const int DeadProcessId = int.MaxValue;

    private static readonly byte[] LeftOver = "the rows of a save that was killed"u8.ToArray();

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_save_removes_the_temporary_files_its_target_kept_from_saves_of_dead_processes()
    {
        string path = _folder.File("weights.npy");
        _folder.Write(TemporaryName("weights.npy", DeadProcessId), LeftOver);
        _folder.Write(TemporaryName("weights.npy", DeadProcessId), LeftOver);

        Npy.Save(new Dim8Layer(seed: 501), path);

        Assert.Equal(["weights.npy"], _folder.Entries());
    }

    [Fact]
    public void A_save_removes_the_temporary_files_of_earlier_versions_that_no_writer_holds()
    {
        // Earlier versions named them .{name}.{guid}.tmp, with no process id.
        string path = _folder.File("weights.safetensors");
        _folder.Write($".weights.safetensors.{Guid.NewGuid():N}.tmp", LeftOver);

        SafeTensors.Save(new Dim8Layer(seed: 502), path);

        Assert.Equal(["weights.safetensors"], _folder.Entries());
    }

    [Fact]
    public void A_save_keeps_the_temporary_file_of_a_save_whose_process_is_alive()
    {
        // This test's own process id: a save of this process that has closed its file and not yet renamed it.
        string path = _folder.File("weights.npy");
        string live = TemporaryName("weights.npy", Environment.ProcessId);
        _folder.Write(live, LeftOver);

        Npy.Save(new Dim8Layer(seed: 503), path);

        Assert.Equal([live, "weights.npy"], _folder.Entries());
        WeightFileAssert.FileIs(LeftOver, _folder.File(live));
    }

    [Fact]
    public void A_save_keeps_a_temporary_file_its_writer_holds_open_even_when_its_process_id_looks_dead()
    {
        // A writer whose process id means nothing here (another PID namespace): only its lock shows it is alive.
        string path = _folder.File("weights.npy");
        string held = TemporaryName("weights.npy", DeadProcessId);
        using (var writer = new FileStream(_folder.File(held), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            writer.Write(LeftOver);
            writer.Flush();

            Npy.Save(new Dim8Layer(seed: 504), path);

            Assert.True(File.Exists(_folder.File(held)), $"{held} was removed while its writer held it open.");
        }

        Assert.Equal([held, "weights.npy"], _folder.Entries());
        WeightFileAssert.FileIs(LeftOver, _folder.File(held));
    }

    [Fact]
    public void A_save_keeps_the_temporary_files_of_other_targets_and_dot_files_it_did_not_name()
    {
        string path = _folder.File("weights.npy");
        string[] others =
        [
            TemporaryName("other.npy", DeadProcessId),
            TemporaryName("weights.npy.old", DeadProcessId),
            ".weights.npy.notes.tmp",
            ".weights.npy.tmp",
            $".weights.npy.{DeadProcessId}.tmp",
        ];
        foreach (string other in others)
        {
            _folder.Write(other, LeftOver);
        }

        Npy.Save(new Dim8Layer(seed: 505), path);

        Assert.Equal([.. others.Append("weights.npy").Order(StringComparer.Ordinal)], _folder.Entries());
    }

    [Fact]
    public void A_save_that_fails_midway_leaves_the_target_as_it_was_and_no_temporary_file()
    {
        byte[] earlier = "the file of an earlier save"u8.ToArray();
        string path = _folder.Write("weights.npy", earlier);

        var failure = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.ASCII.GetBytes(new string('x', 1 << 20)));
            throw new IOException("No space left on device (simulated after 1 MiB)");
        }));

        Assert.Contains("simulated", failure.Message, StringComparison.Ordinal);
        WeightFileAssert.FileIs(earlier, path);
        Assert.Equal(["weights.npy"], _folder.Entries());
    }

    private static string TemporaryName(string target, int processId) => $".{target}.{processId}.{Guid.NewGuid():N}.tmp";
}
