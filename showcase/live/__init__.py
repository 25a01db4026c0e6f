"""The run-of-show of the showcase's day (public schema): the run state of each stage, the
actual times of its slots, the operator, presenter and public screens, and the report."""
