// Capacity Hub: progressive enhancements only; every page works without this file.
