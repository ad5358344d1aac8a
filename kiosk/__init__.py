"""Clinic waiting-room kiosk: medication pages, symptom checklists and a call panel."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("clinic-kiosk")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
