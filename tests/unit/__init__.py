"""Pure unit tests: no QApplication, no subprocess, fast."""
