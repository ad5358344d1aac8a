"""Qt widgets: the main window, screens and touch widgets. Shows the model; holds no rules."""
