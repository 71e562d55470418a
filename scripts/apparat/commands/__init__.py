"""One module per `apparat` subcommand: `add_arguments(parser)` and `run(args) -> int`."""
