"""Qt glue that keeps the kiosk running: idle, reload, lockdown, logging, stats."""
