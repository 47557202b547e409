using NcrsGateway;

var app = GatewayApp.Build(args);
await app.RunAsync();
