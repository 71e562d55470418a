"""Layout-independent conversion stages. Each is `def stage(state: State) -> None`; see `pipeline.py`."""
