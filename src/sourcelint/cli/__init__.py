"""The command line: one module per command, wiring the stages through the engine."""
