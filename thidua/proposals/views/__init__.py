"""Pages of proposals, decisions, the register and the office's settings."""
