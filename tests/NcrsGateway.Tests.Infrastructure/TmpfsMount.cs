using System.Diagnostics;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>
/// A small real tmpfs (<c>mount -t tmpfs -o size=…</c>) in a temp folder, for disk-full and read-only tests.
/// Needs root on Linux (CI runs as root); <see cref="TryMount"/> returns null with the reason otherwise, so the
/// test can skip with that message. Unmounted and removed on dispose.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private const string FillName = "fill.bin";

    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. <c>4m</c>); null and <paramref name="skipReason"/> when this machine cannot.</summary>
    public static TmpfsMount? TryMount(string size, out string skipReason)
    {
        skipReason = string.Empty;
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            skipReason = $"Mounting a tmpfs needs root on Linux (running as '{Environment.UserName}' on {Environment.OSVersion.Platform}); CI runs these as root.";
            return null;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ncrs-tmpfs-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            skipReason = $"mount -t tmpfs is not possible here (exit {code}: {output.Trim()}), e.g. in an unprivileged container.";
            return null;
        }

        return new TmpfsMount(path);
    }

    /// <summary>Writes a file until the filesystem is full (ENOSPC).</summary>
    public void Fill()
    {
        var chunk = new byte[4096];
        using var file = new FileStream(System.IO.Path.Combine(Path, FillName), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                file.Write(chunk);
            }
        }
        catch (IOException)
        {
            // full
        }
    }

    /// <summary>Deletes the file <see cref="Fill"/> wrote: space returns.</summary>
    public void Unfill() => File.Delete(System.IO.Path.Combine(Path, FillName));

    /// <summary><c>mount -o remount,ro</c>; fails (busy) while any file on it is open for writing.</summary>
    public void RemountReadOnly() => Remount("ro");

    public void RemountReadWrite() => Remount("rw");

    public void Dispose()
    {
        if (Run("umount", Path).Code != 0)
        {
            Run("umount", "-l", Path); // a file is still open (a host that failed to stop): detach lazily
        }

        Directory.Delete(Path, recursive: true);
    }

    private void Remount(string mode)
    {
        var (code, output) = Run("mount", "-o", $"remount,{mode}", Path);
        if (code != 0)
        {
            throw new InvalidOperationException($"mount -o remount,{mode} failed (exit {code}): {output.Trim()}");
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
