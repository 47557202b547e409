using NcrsGateway.Hosting;
using NcrsGateway.Sandbox.Host;

// The sandbox: simulated national APIs and demo sign-in on http://localhost:5080. Never with real patients.
return await GatewayProgram.RunAsync(() => SandboxApp.Build(args));
