"""Clinic waiting-room kiosk: medication pages, symptom checklists and a call panel."""

#: The release version (pyproject.toml reads it from here). A plain constant: looking it
#: up with importlib.metadata cost about 18 ms of every start.
__version__ = "0.1.0"
