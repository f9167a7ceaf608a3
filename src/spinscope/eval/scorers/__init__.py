"""Official task scorers, reimplemented from the tasks' definitions."""
