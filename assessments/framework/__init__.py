"""Public side of assessments: versioned frameworks and the national roll-up."""
