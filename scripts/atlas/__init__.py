"""Virtualization Atlas generator: load and validate the YAML data, render pages per language."""
