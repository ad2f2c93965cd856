using MealGateway.Cli;

return await GatewayCommands.Build().Parse(args).InvokeAsync();
