"""Screens of the reader: the linked panes, export and help."""
