using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Embedding.Generated.Serialization;

/// <summary>
/// Makes a rename in a folder durable. On Linux (and other Unix systems) a rename is recorded in the folder, and only an
/// fsync of the folder itself puts that record on disk: without it, a power loss soon after a save can bring back the
/// old file, or no file, even though the new file's data was flushed. .NET cannot open a folder as a file, so the folder
/// is opened and flushed through libc. On Windows, NTFS journals the rename that <see cref="File.Move(string, string, bool)"/>
/// makes, and there is no folder handle to flush: nothing is done.
/// </summary>
internal static partial class DirectoryFlush
{
    private const int ReadOnly = 0; // O_RDONLY, the same on every Unix
    private const int InvalidArgument = 22; // EINVAL: this file system cannot flush a folder

    /// <exception cref="IOException">The folder's entries could not be written to disk.</exception>
    public static void ToDisk(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int descriptor;
        try
        {
            descriptor = Open(folder, ReadOnly);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A Unix whose C library does not answer to "libc": the rename is done, only its durability is unknown.
            return;
        }

        if (descriptor < 0)
        {
            // A folder one may write into but not read is rare; as above, the rename is done.
            return;
        }

        try
        {
            if (Fsync(descriptor) != 0 && Marshal.GetLastPInvokeError() is int error && error != InvalidArgument)
            {
                throw new IOException($"The file was renamed into '{folder}', but the folder could not be flushed to disk (errno {error}); after a power loss the rename may be lost.");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
