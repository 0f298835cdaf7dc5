using ContactCenter.PbxSimulator.Cli;

return await SimulatorCommand.RunAsync(args);
