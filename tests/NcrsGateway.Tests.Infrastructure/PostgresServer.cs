using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NcrsGateway.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster run as a process: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a
/// free loopback port with trust auth and the socket in that folder, stopped and removed on dispose. Needs
/// the Debian <c>postgresql</c> package (<c>apt-get install -y postgresql</c>); fails loudly when it is missing.
/// As root it runs the server as user <c>postgres</c> (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private bool _running;
    private bool _paused;

    private PostgresServer(string root, string bin, int port, bool asPostgresUser)
    {
        _root = root;
        _bin = bin;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>Connection string of the <c>postgres</c> database.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Pooling=true;Timeout=15";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (looked for /usr/lib/postgresql/*/bin/initdb). Install them with 'apt-get install -y postgresql'; the audit store tests need a real PostgreSQL.");
        var asPostgresUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), "ncrs-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", root]);
        }

        var port = FreePort();
        var server = new PostgresServer(root, bin, port, asPostgresUser);
        var data = Path.Combine(root, "data");
        await server.PgAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Stops the server (fast shutdown, data kept): the store is down until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        await PgAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"]);
        _running = false;
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Starts the (stopped) server again on the same port with the same data.</summary>
    public async Task StartAgainAsync()
    {
        await PgAsync("pg_ctl", [
            "-D", Path.Combine(_root, "data"), "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB -c max_connections=50",
            "start"]);
        _running = true;
    }

    /// <summary>
    /// Hangs the server without closing a socket (SIGSTOP to the postmaster and every backend): connections stay open
    /// and new ones are accepted by the kernel, but nothing answers. Always pair with <see cref="Resume"/> (dispose
    /// resumes a paused server too).
    /// </summary>
    public void Pause()
    {
        var postmaster = PostmasterPid();
        _paused = true;
        Signal("-STOP", [postmaster]); // first, so it forks no new backend meanwhile
        Signal("-STOP", ChildrenOf(postmaster));
    }

    /// <summary>Lets a paused server carry on (SIGCONT to every backend, then the postmaster).</summary>
    public void Resume()
    {
        if (!_paused)
        {
            return;
        }

        var postmaster = PostmasterPid();
        Signal("-CONT", ChildrenOf(postmaster));
        Signal("-CONT", [postmaster]);
        _paused = false;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "audit_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        Resume();
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_running)
            {
                await PgAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private int PostmasterPid() =>
        int.Parse(File.ReadLines(Path.Combine(_root, "data", "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);

    /// <summary>Every process whose parent is <paramref name="parent"/> (the backends and helpers of the cluster).</summary>
    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": state ppid ...
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
        }

        return children;
    }

    private static void Signal(string signal, IReadOnlyList<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit(5000);
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private Task PgAsync(string tool, IReadOnlyList<string> args) => _asPostgresUser
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
        : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/tmp" };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout} {await stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
