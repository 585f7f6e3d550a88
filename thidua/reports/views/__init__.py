"""Pages of the reports app, one module per kind of page."""
