"""Public side of programs: every participating region's masterplan, as the national layer reads it."""
