using NcrsGateway;
using NcrsGateway.Hosting;

// The production host: real national APIs only. The sandbox runs from src/NcrsGateway.Sandbox.Host.
return await GatewayProgram.RunAsync(() => GatewayApp.Build(args));
