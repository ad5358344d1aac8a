"""The running kiosk: start-up (what `kiosk run` wires) and the controller; only cli imports it."""
