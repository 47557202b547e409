using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>A throwaway redis-server on a free loopback port (no persistence), stopped with the fixture.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>The gateway's <c>Redis:Configuration</c> value for this server.</summary>
    public string Configuration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Configuration = $"127.0.0.1:{port},connectTimeout=1000";
        _process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (install it: .ci/services.sh).");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=true,connectTimeout=1000");
                return;
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
