using MealTerminal.Simulator;

return await SimulatorCommands.Build().Parse(args).InvokeAsync();
