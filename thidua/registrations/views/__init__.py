"""Pages of yearly registration: the unit head's and staff's pages (`unit.py`) and the
office's list, export, review and window (`office.py`)."""
