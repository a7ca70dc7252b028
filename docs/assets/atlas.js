// Virtualization Atlas scripts
